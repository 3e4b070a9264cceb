'use server';
// The signed-in user's own password (every signed-in user, for themselves only).
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { currentClientAddress, currentSessionId } from '@/lib/auth/guards';
import { changeOwnPassword } from '@/lib/users/mutations';
import { changeOwnPasswordSchema } from '@/lib/users/schemas';

/** Checks the current password, sets the new one and ends every other session of the user. */
export const changeOwnPasswordAction = defineAction(
  { schema: changeOwnPasswordSchema, success: 'account.password.changed' },
  async (input, user) =>
    changeOwnPassword(getDb(), user, { ...input, address: await currentClientAddress(), keepSessionId: await currentSessionId() }),
);
