// The property every server action must hold under hostile input (SPEC section 13, "bad input
// answered with a clear message and nothing changed"): it answers instead of throwing (a redirect is
// an answer), an acceptance stored exactly what the form said, within the limits, and a refusal
// carries a sentence of the dictionaries and leaves every table as it was.
//
// Every run happens inside a transaction that is rolled back afterwards, so each run starts from the
// same seeded database; the actions' own transactions become savepoints and commit or roll back
// exactly as they would on their own.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type Database from 'better-sqlite3';
import { connection } from '@/db/client';
import { changedTables, expectStoredWithinLimits, rowCounts, tableContents, totalChanges } from './hostile-db';
import type { Fixture } from './hostile-fixture';
import { hostileForm, Sent, type Fields } from './hostile-form';
import { expectHumanMessage } from './human-message';
import { RUNS, SEED, UNKNOWN_IDS, type IdGroups } from './hostile-values';

const ROOT = path.resolve(import.meta.dirname, '../..');

// ---------------------------------------------------------------- which actions exist

/** Every action module of the app (`app/**\/*actions.ts`), relative to the repository root. */
export function actionModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('actions.ts')) found.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(ROOT, 'app'));
  return found.sort();
}

type AnyAction = (...args: unknown[]) => Promise<unknown>;

/** `app/(app)/tickets/actions.ts#createTicketAction` → the function, for every exported function. */
export async function loadActions(): Promise<Map<string, AnyAction>> {
  const actions = new Map<string, AnyAction>();
  for (const file of actionModules()) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported))
      if (typeof value === 'function') actions.set(`${file}#${name}`, value as AnyAction);
  }
  return actions;
}

// ---------------------------------------------------------------- what an answer must look like

/** What React can send back to the form: a plain object of strings and string arrays. */
function expectPlainValues(values: unknown): void {
  if (values === undefined) return;
  expect(Object.getPrototypeOf(values), 'echoed values are not a plain object').toBe(Object.prototype);
  for (const [key, value] of Object.entries(values as object)) {
    const ok = typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    expect(ok, `echoed value of "${key}" is not text`).toBe(true);
  }
  expect(values).not.toHaveProperty('password');
}

export type Outcome = { redirect: string } | { returned: unknown };

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { returned: await call() };
  } catch (error) {
    // The fake redirect of tests/support/fake-next.ts ends an action like Next's: a success path.
    if (error instanceof Error && error.message.startsWith('redirect:')) return { redirect: error.message.slice('redirect:'.length) };
    throw error;
  }
}

// ---------------------------------------------------------------- the cases and the run

export type AcceptedContext = { fx: Fixture; sent: Sent; seeded: unknown; redirect?: string; returned?: unknown };

/**
 * How an action is called: `state` = `(previousState, formData)` (defineAction and useActionState),
 * `form` = `(formData)` (a plain `<form action>`), `query` = `(text)` (the pickers). Each also gets
 * the arguments a hand-made request can send instead.
 */
export type CallKind = 'state' | 'form' | 'query';

type Call = (sent: Sent) => { args: unknown[]; sent: Sent };

/** A call style that counterexamples print by name. */
const call = (name: string, make: Call): Call => Object.assign(make, { [fc.toStringMethod]: () => name });

/** Arguments a hand-made request can send instead of a form: the action then received no form at all. */
const HOSTILE_ARGS: Call[] = [[], ['text'], [42, null], [{ locale: 'en', name: 'x' }], [[1, 2]]].map((args) =>
  call(JSON.stringify(args), () => ({ args, sent: new Sent([]) })),
);

const CALLS: Record<CallKind, Call[]> = {
  state: [
    call('(state, form)', (sent) => ({ args: [{}, sent.form()], sent })),
    // A plain form post without JavaScript passes the form alone.
    call('(form)', (sent) => ({ args: [sent.form()], sent })),
    call('(earlier state, form)', (sent) => ({ args: [{ ok: true, values: { name: 'x' } }, sent.form()], sent })),
    call('(null, form)', (sent) => ({ args: [null, sent.form()], sent })),
    ...HOSTILE_ARGS,
  ],
  form: [
    call('(form)', (sent) => ({ args: [sent.form()], sent })),
    call('(form, text)', (sent) => ({ args: [sent.form(), 'extra'], sent })),
    ...HOSTILE_ARGS,
  ],
  query: [
    call('(text)', (sent) => ({ args: [sent.first('query')], sent })),
    call('(array)', (sent) => ({ args: [sent.all('query')], sent })),
    ...HOSTILE_ARGS,
  ],
};

export type HostileCase = {
  /** Valid forms for the seeded fixture (one is chosen per run); the runs start from them. */
  base: (fx: Fixture) => Fields | Fields[];
  call?: CallKind;
  /** Values for particular fields beyond the shared alphabet. */
  extra?: Record<string, readonly string[]> | ((fx: Fixture) => Record<string, readonly string[]>);
  /** Read once before the runs and handed to `accepted` (e.g. which archived entries a record carries). */
  seeded?: (fx: Fixture) => unknown;
  /** What an acceptance must have stored (runs inside the run's transaction). */
  accepted?: (context: AcceptedContext) => void;
  /**
   * For actions that do not answer with defineAction's state: judges a run itself; `unchanged`
   * asserts that the database is as seeded (except the tables named).
   */
  judge?: (context: AcceptedContext & { outcome: Outcome; unchanged: (except?: string[]) => void }) => Verdict;
  /** The action never refuses (signing out): the runs need not include a refusal. */
  neverRefuses?: boolean;
};

/** How a run ended; both must occur over the runs, or the base form or the alphabet is off. */
export type Verdict = 'accepted' | 'refused';

/** The ids of the alphabet: every id of the fixture (any entity's), the archived entries, unknown ids. */
export function fixtureIds(fx: Fixture): IdGroups {
  return [fx.allIds.map(String), Object.values(fx.archived).map(String), UNKNOWN_IDS];
}

function judgeState(
  hostileCase: HostileCase,
  context: AcceptedContext,
  outcome: Outcome,
  unchanged: () => void,
  sqlite: Database.Database,
): Verdict {
  const accept = (extra: Partial<AcceptedContext>): Verdict => {
    if (!hostileCase.accepted) throw new Error('the case has no check of an acceptance');
    hostileCase.accepted({ ...context, ...extra });
    expectStoredWithinLimits(sqlite);
    return 'accepted';
  };
  if ('redirect' in outcome) return accept({ redirect: outcome.redirect });
  const state = outcome.returned as
    { ok?: unknown; error?: unknown; message?: unknown; fieldErrors?: Record<string, unknown>; values?: unknown } | undefined;
  expect(state !== null && typeof state === 'object', 'the action answered nothing').toBe(true);
  if (state!.ok === true) {
    expectHumanMessage(state!.message, 'success message');
    return accept({ returned: state });
  }
  expect(state!.ok, `unexpected answer ${JSON.stringify(state).slice(0, 200)}`).toBe(false);
  expectHumanMessage(state!.error, 'error');
  for (const [field, message] of Object.entries(state!.fieldErrors ?? {})) expectHumanMessage(message, `field error of ${field}`);
  expectPlainValues(state!.values);
  unchanged();
  return 'refused';
}

/** Runs one action against hostile input; the database is compared with the seeded one throughout. */
export async function runHostileCase(action: AnyAction, hostileCase: HostileCase, fx: Fixture): Promise<void> {
  const { sqlite } = connection();
  const before = tableContents(sqlite);
  const countsBefore = rowCounts(sqlite);
  const seeded = hostileCase.seeded?.(fx);
  const ids = fixtureIds(fx);
  const extra = typeof hostileCase.extra === 'function' ? hostileCase.extra(fx) : hostileCase.extra;
  const forms = [hostileCase.base(fx)].flat().map((base) => hostileForm(base, ids, extra));
  const inputs = fc.tuple(fc.oneof(...forms), fc.constantFrom(...CALLS[hostileCase.call ?? 'state']));
  const verdicts = { accepted: 0, refused: 0 };

  await fc.assert(
    fc.asyncProperty(inputs, async ([generated, style]) => {
      const { args, sent } = style(generated);
      sqlite.exec('BEGIN');
      try {
        const changesBefore = totalChanges(sqlite);
        const outcome = await outcomeOf(() => action(...args));
        // Fast path: no row was written at all. Otherwise (a write rolled back counts too) compare every table.
        const unchanged = (except: string[] = []) =>
          totalChanges(sqlite) === changesBefore ||
          expect(changedTables(before, tableContents(sqlite), except), 'a refused call changed these tables').toEqual([]);
        const context = { fx, sent, seeded };
        verdicts[
          hostileCase.judge
            ? hostileCase.judge({ ...context, outcome, unchanged })
            : judgeState(hostileCase, context, outcome, unchanged, sqlite)
        ] += 1;
      } finally {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );

  expect(rowCounts(sqlite)).toEqual(countsBefore);
  expect(changedTables(before, tableContents(sqlite)), 'tables changed over the runs').toEqual([]);
  expect(verdicts.accepted, 'no run was accepted').toBeGreaterThan(0);
  if (!hostileCase.neverRefuses) expect(verdicts.refused, 'no run was refused').toBeGreaterThan(0);
}

// ---------------------------------------------------------------- checks the cases share

/** A stored text is what the form sent (trimmed where the schema trims) and within the field's limit. */
export function expectStoredText(stored: unknown, sent: string | undefined, options: { max: number; trim?: boolean }): void {
  const expected = sent === undefined ? '' : options.trim === false ? sent : sent.trim();
  expect(stored).toBe(expected);
  expect(String(stored).length).toBeLessThanOrEqual(options.max);
}

/** The id in a redirect such as `/tickets/12` or `/partners/3?created=1`. */
export function redirectedId(redirect: string | undefined, prefix: string): number {
  const match = new RegExp(`^${prefix}/(\\d+)(\\?|$)`).exec(redirect ?? '');
  if (!match) throw new Error(`unexpected redirect ${redirect}`);
  return Number(match[1]);
}
