// The one action wrapper (lib/action.ts): authenticate → role → validate → run, then revalidate what
// the write changed and go on where asked, handing the page the data the action names; and its
// variant for reads from JavaScript (pickers, the dashboard's opened group).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/guards';
import type { MutationFailure, MutationResult } from '@/lib/result';
import { session } from '../support/fake-guards';

const revalidated = vi.hoisted((): [string, string | undefined][] => []);
vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next/cache', () => ({ revalidatePath: (path: string, type?: string) => revalidated.push([path, type]) }));

const { defineAction, defineReadAction } = await import('@/lib/action');

const agent: SessionUser = { id: 7, email: 'a@example.com', name: 'Agnes', roles: [], locale: 'de' };
const crm: SessionUser = { ...agent, id: 8, roles: ['crm'], locale: 'en' };
const schema = z.object({ id: z.coerce.number().int().positive(), name: z.string().min(1, 'required') });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
type Refused = MutationFailure & { similar: string[] };

/** Runs the action; a redirect ends it by throwing `redirect:<url>` (tests/support/fake-next.ts). */
async function outcome(run: Promise<unknown>): Promise<unknown> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('redirect:')) return { redirect: error.message.slice('redirect:'.length) };
    throw error;
  }
}

beforeEach(() => {
  revalidated.length = 0;
  session.user = agent;
});

describe('defineAction', () => {
  const calls: number[] = [];
  const save = defineAction(
    {
      schema,
      revalidate: (input: { id: number }) => [`/things/${input.id}`, { layout: '/' }],
      redirect: (input: { name: string }, saved: { id: number }) => (input.name === 'open' ? `/things/${saved.id}` : null),
      data: (result: MutationResult<{ id: number }> | Refused) => ('similar' in result ? { similar: result.similar } : undefined),
    },
    (input, user): MutationResult<{ id: number }> | Refused => {
      calls.push(user.id);
      if (input.name === 'similar') return { ok: false, error: 'partners.error.similarExists', similar: ['Ähnlich GmbH'] };
      return { ok: true, data: { id: input.id * 10 } };
    },
  );

  it('revalidates every named path after a success, and only then', async () => {
    expect(await save({}, form({ id: '4', name: 'x' }))).toEqual({ ok: true, message: 'Gespeichert.' });
    expect(revalidated).toEqual([
      ['/things/4', undefined],
      ['/', 'layout'],
    ]);
    revalidated.length = 0;
    expect(await save({}, form({ id: '4', name: '' }))).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await save({}, form({ id: '4', name: 'similar' }))).toMatchObject({ ok: false });
    expect(revalidated).toEqual([]);
  });

  it('goes on to the page the success names, after revalidating', async () => {
    expect(await outcome(save({}, form({ id: '5', name: 'open' })))).toEqual({ redirect: '/things/50' });
    expect(revalidated).toHaveLength(2);
  });

  it('hands the page the data of a refusal, with the message and what was typed', async () => {
    expect(await save({}, form({ id: '5', name: 'similar' }))).toEqual({
      ok: false,
      error: expect.stringMatching(/ähnlich/i),
      fieldErrors: undefined,
      values: { id: '5', name: 'similar' },
      data: { similar: ['Ähnlich GmbH'] },
    });
  });

  it('refuses the anonymous and a user without the role before validating or running', async () => {
    const guarded = defineAction({ schema, role: 'crm' }, (input): MutationResult<{ id: number }> => ({
      ok: true,
      data: { id: input.id },
    }));
    calls.length = 0;
    session.user = null;
    expect(await save({}, form({ id: '1', name: 'x' }))).toEqual({ ok: false, error: expect.stringMatching(/Sitzung/) });
    session.user = agent;
    expect(await guarded({}, form({ id: 'kaputt' }))).toEqual({ ok: false, error: 'Keine Berechtigung für diese Aktion.' });
    session.user = crm;
    expect(await guarded({}, form({ id: '3', name: 'x' }))).toEqual({ ok: true, message: 'Saved.' });
    expect(calls).toEqual([]);
    expect(revalidated).toEqual([]);
  });
});

describe('defineReadAction', () => {
  type Answer = { ok: true; text: string; by: number } | { ok: false; error: string };
  const search = defineReadAction(
    {
      args: z.tuple([z.string().max(5)]).rest(z.unknown()),
      role: 'crm',
      invalid: 'dashboard.groupInvalid',
      refused: (error: string): Answer => ({ ok: false, error }),
    },
    ([text], user): Answer => ({ ok: true, text, by: user.id }),
  );

  it("answers the handler's data for valid arguments of an allowed user", async () => {
    session.user = crm;
    expect(await search('abc')).toEqual({ ok: true, text: 'abc', by: 8 });
  });

  it('answers the refusal for the anonymous, a user without the role and arguments the schema rejects', async () => {
    session.user = null;
    expect(await search('abc')).toEqual({ ok: false, error: expect.stringMatching(/Sitzung/) });
    session.user = agent;
    expect(await search('abc')).toEqual({ ok: false, error: 'Keine Berechtigung für diese Aktion.' });
    session.user = crm;
    for (const args of [[], [42], ['zu lang'], [null, 'abc']]) {
      expect(await search(...args), JSON.stringify(args)).toEqual({ ok: false, error: expect.any(String) });
    }
    expect(revalidated).toEqual([]);
  });
});
