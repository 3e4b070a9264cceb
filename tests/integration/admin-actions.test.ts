// The user-administration server actions check session and role themselves: posted directly,
// without a session or without the role, they change nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/guards';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { session } from '../support/fake-guards';
import { freshAppDb } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));

const { createUserAction, setUserActiveAction, setUserPasswordAction, updateUserAction } = await import('@/app/(app)/admin/users/actions');

let db: Db;
const agent: SessionUser = { id: 90, email: 'agent@example.com', name: 'Agent', roles: ['crm', 'crm_admin'], locale: 'de' };
const admin: SessionUser = { id: 91, email: 'admin@example.com', name: 'Admin', roles: ['admin'], locale: 'en' };

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const newUser = form({ email: 'neu@example.com', name: 'Neu', password: 'geheim-123', roles: ['admin'], locale: 'de' });

beforeEach(() => {
  db = freshAppDb();
  session.user = null;
});

describe('user administration actions', () => {
  it('refuse an anonymous caller and a signed-in user without admin, changing nothing', async () => {
    expect(await createUserAction({}, newUser)).toMatchObject({
      ok: false,
      error: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    });
    session.user = agent;
    expect(await createUserAction({}, newUser)).toMatchObject({ ok: false, error: 'Keine Berechtigung für diese Aktion.' });
    expect(await updateUserAction({}, form({ id: '1', version: '1', name: 'X', roles: 'admin', locale: 'de' }))).toMatchObject({
      ok: false,
    });
    expect(await setUserActiveAction({}, form({ id: '1', version: '1', active: 'false' }))).toMatchObject({ ok: false });
    expect(await setUserPasswordAction({}, form({ id: '1', version: '1', password: 'x-12345678' }))).toMatchObject({ ok: false });
    expect(db.select().from(users).all()).toHaveLength(0);
  });

  it('an administrator creates a user; errors come back translated, with the typed values but never the password', async () => {
    session.user = admin;
    expect(await createUserAction({}, newUser)).toEqual({ ok: true, message: 'The user has been created.' });
    expect(db.select({ email: users.email }).from(users).all()).toEqual([{ email: 'neu@example.com' }]);

    const again = await createUserAction({}, newUser);
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: 'This email address is already in use.' } });
    expect(again.values).toMatchObject({ email: 'neu@example.com', name: 'Neu' });
    expect(again.values).not.toHaveProperty('password');
  });
});
