// The start page sends CRM users to the dashboard and everyone else to the ticket board.
import { redirect } from 'next/navigation';
import { hasRole, requireUser } from '@/lib/auth/guards';

export default async function HomePage() {
  const user = await requireUser();
  redirect(hasRole(user, 'crm') ? '/crm' : '/ticketboard');
}
