'use server';
// Actions of the application shell: the user's language and signing out.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { signOut } from '@/lib/auth';
import { getCurrentUser } from '@/lib/auth/guards';
import { setUserLocale } from '@/lib/users/mutations';
import { setLocaleSchema } from '@/lib/users/schemas';

/** Stores the signed-in user's language and shows the same page again in it. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  // A hand-made call may pass anything instead of the form: then there is no language to set.
  const parsed = setLocaleSchema.safeParse({ locale: formData instanceof FormData ? formData.get('locale') : undefined });
  if (parsed.success) setUserLocale(getDb(), user, parsed.data);
  revalidatePath('/', 'layout');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
