'use server';
// User administration (admin only): each action checks the session and the role itself.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { createUser, setUserActive, setUserPassword, updateUser } from '@/lib/users/mutations';
import { createUserSchema, setUserActiveSchema, setUserPasswordSchema, updateUserSchema } from '@/lib/users/schemas';

function refresh<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath('/admin/users', 'layout');
  return result;
}

/** Creates a user with their default ticket board. */
export const createUserAction = defineAction({ schema: createUserSchema, role: 'admin', success: 'users.created' }, async (input) =>
  refresh(await createUser(getDb(), input)),
);

/** Changes name, roles and language; a change of roles ends the user's sessions. */
export const updateUserAction = defineAction({ schema: updateUserSchema, role: 'admin' }, (input, user) => refresh(updateUser(getDb(), input, user.id)));

/** Deactivates (ending every session at once) or reactivates a user. */
export const setUserActiveAction = defineAction({ schema: setUserActiveSchema, role: 'admin' }, (input, user) =>
  refresh(setUserActive(getDb(), input, user.id)),
);

/** Sets a new password; the user's sessions end. */
export const setUserPasswordAction = defineAction({ schema: setUserPasswordSchema, role: 'admin', success: 'users.passwordSet' }, async (input, user) =>
  refresh(await setUserPassword(getDb(), input, user.id)),
);
