'use server';
// User administration (admin only): each action checks the session and the role itself, and the
// data layer (lib/users) refuses a caller without `admin` again.
import { getDb } from '@/db/client';
import { defineAction, type Revalidation } from '@/lib/action';
import { createUser, setUserActive, setUserPassword, updateUser } from '@/lib/users/mutations';
import { createUserSchema, setUserActiveSchema, setUserPasswordSchema, updateUserSchema } from '@/lib/users/schemas';

const USER_PAGES: Revalidation = { layout: '/admin/users' };

/** Creates a user with their default ticket board. */
export const createUserAction = defineAction(
  { schema: createUserSchema, role: 'admin', success: 'users.created', revalidate: USER_PAGES },
  (input, user) => createUser(getDb(), user, input),
);

/** Changes name, roles and language; a change of roles ends the user's sessions. */
export const updateUserAction = defineAction({ schema: updateUserSchema, role: 'admin', revalidate: USER_PAGES }, (input, user) =>
  updateUser(getDb(), user, input),
);

/** Deactivates (ending every session at once) or reactivates a user. */
export const setUserActiveAction = defineAction({ schema: setUserActiveSchema, role: 'admin', revalidate: USER_PAGES }, (input, user) =>
  setUserActive(getDb(), user, input),
);

/** Sets a new password; the user's sessions end. */
export const setUserPasswordAction = defineAction(
  { schema: setUserPasswordSchema, role: 'admin', success: 'users.passwordSet', revalidate: USER_PAGES },
  (input, user) => setUserPassword(getDb(), user, input),
);
