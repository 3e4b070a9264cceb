// The access matrix (SPEC section 1): every server action and every route handler of the production
// build, called over raw HTTP by six callers, answers as access-matrix.expected.json says, and a refused
// call changes not one row of the database. The endpoints are read from the build, so a new one fails
// here until it has a valid call and a reviewed line in the expectation file.
// UPDATE_ACCESS_MATRIX=1 prints the matrix the app produced, to help write that file (review every line).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { form, formArgs, postAction, type ActionCall, type Answer } from './access/action-client';
import {
  CALLER_NAMES,
  createCallers,
  createUser,
  deactivate,
  sessionCookie,
  type Caller,
  type CallerName,
  type TestUser,
} from './access/callers';
import { databaseChecksum } from './access/checksum';
import { builtActions, builtRoutes, servesPage, type BuiltAction } from './access/endpoints';
import { freshQuery, queryOrder } from './access/fixtures';
import { ACTION_CALLS, type CallContext } from './access/payloads';
import { mintFeedToken, ROUTE_PROBES } from './access/route-probes';
import { e2eDb, unique } from './support';

type Matrix = Record<string, Record<CallerName, string>>;

const EXPECTED_FILE = path.join(process.cwd(), 'tests/e2e/access-matrix.expected.json');
const baseURL = config.use!.baseURL!;

let db: ReturnType<typeof e2eDb>;
let callers: Record<CallerName, Caller>;
/** Owns the records of the anonymous caller's calls. */
let bystander: TestUser;
/** Signed in by the sign-in action and next-auth's credentials callback. */
let loginUser: TestUser;

test.beforeAll(async () => {
  db = e2eDb();
  callers = await createCallers(db);
  bystander = createUser(db, 'matrix-bystander', []);
  loginUser = createUser(db, 'matrix-login', []);
  // The deactivated caller's cookie worked while the user was active: afterwards only the active flag refuses it.
  expect(
    (await fetch(new URL('/ticketboard', baseURL), { headers: { Cookie: callers.deactivated.cookie! }, redirect: 'manual' })).status,
  ).toBe(200);
  deactivate(db, callers.deactivated.user!);
});

test.afterAll(() => db?.close());

function actionNamed(name: string): BuiltAction {
  const action = builtActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no server action ${name} in the build`);
  return action;
}

function context(caller: Caller): CallContext {
  return { db, ownerId: caller.user?.id ?? bystander.id, loginEmail: loginUser.email };
}

/** Runs a request and tells whether the database changed: `200 forbidden unchanged`. */
async function observed(send: () => Promise<Answer>): Promise<string> {
  const before = databaseChecksum(db);
  const { status, outcome } = await send();
  const change = databaseChecksum(db) === before ? 'unchanged' : 'changed';
  return [status, outcome, change].filter((part) => part !== '').join(' ');
}

function callAction(action: BuiltAction, call: ActionCall, caller: Caller, headers?: Record<string, string>): Promise<Answer> {
  expect(servesPage(action, call.page), `${action.key} is posted to ${call.page}, a page that does not serve it`).toBe(true);
  return postAction(baseURL, action.id, call, { cookie: caller.cookie, headers });
}

test('the expectation file names exactly the endpoints of the build, each with a valid call', () => {
  const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Matrix;
  const actions = builtActions().map((action) => action.key);
  expect(Object.keys(ACTION_CALLS).sort(), 'server actions with a valid call').toEqual(actions);
  const routes = builtRoutes().map(({ method, route }) => `${method} ${route}`);
  expect([...new Set(ROUTE_PROBES.map(({ method, route }) => `${method} ${route}`))].sort(), 'route handlers with a probe').toEqual(
    routes.sort(),
  );
  expect(Object.keys(expected).sort(), 'endpoints of the expectation file').toEqual(
    [...actions, ...ROUTE_PROBES.map((probe) => probe.key)].sort(),
  );
  for (const [endpoint, row] of Object.entries(expected)) expect(Object.keys(row), endpoint).toEqual([...CALLER_NAMES]);
});

test('minted session cookies sign their callers in; the deactivated one no longer', async () => {
  for (const caller of Object.values(callers)) {
    const session = await fetch(new URL('/api/auth/session', baseURL), { headers: caller.cookie ? { Cookie: caller.cookie } : {} });
    const page = await fetch(new URL('/ticketboard', baseURL), {
      headers: caller.cookie ? { Cookie: caller.cookie } : {},
      redirect: 'manual',
    });
    const signedIn = caller.name !== 'anonymous' && caller.name !== 'deactivated';
    expect(((await session.json()) as { uid?: number } | null)?.uid, caller.name).toBe(signedIn ? caller.user!.id : undefined);
    expect(page.status, caller.name).toBe(signedIn ? 200 : 307);
    if (!signedIn) expect(new URL(page.headers.get('location')!, baseURL).pathname).toBe('/login');
  }
});

test('every endpoint answers every caller as SPEC section 1 says', async () => {
  test.setTimeout(90_000);
  const actual: Matrix = {};
  for (const action of builtActions()) {
    const build = ACTION_CALLS[action.key];
    expect(build, `a valid call of ${action.key}`).toBeDefined();
    actual[action.key] = {} as Record<CallerName, string>;
    for (const caller of Object.values(callers)) {
      const call = build(context(caller));
      // Signing out ends the session of its cookie: it is called with a second session of the caller.
      const asCaller = action.name === 'signOutAction' && caller.user ? { ...caller, cookie: await sessionCookie(caller.user) } : caller;
      actual[action.key][caller.name] = await observed(() => callAction(action, call, asCaller));
    }
  }
  // After the calendar actions, which replace and revoke the callers' feeds: each caller's own active feed.
  for (const caller of Object.values(callers)) mintFeedToken(db, caller);
  for (const probe of ROUTE_PROBES) {
    actual[probe.key] = {} as Record<CallerName, string>;
    for (const caller of Object.values(callers))
      actual[probe.key][caller.name] = await observed(() => probe.send(baseURL, caller, loginUser.email));
  }
  if (process.env.UPDATE_ACCESS_MATRIX) console.log(JSON.stringify(actual, null, 2));
  expect(actual).toEqual(JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')));
});

test('a server action posted from a foreign origin is refused and changes nothing', async () => {
  const caller = callers.crm_admin;
  for (const name of ['createTicketAction', 'setTicketCrmEnabledAction', 'addEntryAction']) {
    const action = actionNamed(name);
    const call = ACTION_CALLS[action.key](context(caller));
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1.evil.example',
      `http://127.0.0.1:${Number(new URL(baseURL).port) + 1}`,
      'null',
    ]) {
      const before = databaseChecksum(db);
      const { status } = await callAction(action, call, caller, { Origin: origin });
      expect(status, `${name} from ${origin}: refused`).toBe(403);
      expect(databaseChecksum(db), `${name} from ${origin}`).toBe(before);
    }
    // The same call from the app's own origin goes through: the refusals above were the origin's.
    expect(await observed(() => callAction(action, call, caller)), name).toMatch(/^200 (ok|redirect:\S+) changed$/);
  }
});

test('the header x-middleware-subrequest changes no answer', async () => {
  const createTicket = actionNamed('createTicketAction');
  const requests: { label: string; caller: Caller; expected: string; send: (headers: Record<string, string>) => Promise<string> }[] = [
    ...[
      { url: '/tickets', caller: callers.anonymous, expected: '307 /login' },
      { url: '/crm/export', caller: callers.anonymous, expected: '401' },
      { url: '/api/v1/crm/summary', caller: callers.anonymous, expected: '401' },
      { url: '/data-manager/export/partners', caller: callers.anonymous, expected: '401' },
      { url: '/crm', caller: callers.agent, expected: '403' },
      { url: '/crm/export', caller: callers.agent, expected: '403' },
      { url: '/admin/users', caller: callers.crm_admin, expected: '403' },
    ].map(({ url, caller, expected }) => ({
      label: `GET ${url} as ${caller.name}`,
      caller,
      expected,
      send: async (headers: Record<string, string>) => {
        const response = await fetch(new URL(url, baseURL), {
          headers: { ...headers, ...(caller.cookie ? { Cookie: caller.cookie } : {}) },
          redirect: 'manual',
        });
        await response.arrayBuffer();
        const location = response.headers.get('location');
        return [response.status, location && new URL(location, baseURL).pathname].filter(Boolean).join(' ');
      },
    })),
    ...[callers.anonymous, callers.agent].map((caller) => ({
      label: `setTicketCrmEnabledAction and createTicketAction as ${caller.name}`,
      caller,
      expected: caller.name === 'anonymous' ? '200 unauthenticated unchanged' : '200 forbidden unchanged',
      send: (headers: Record<string, string>) => {
        const action = caller.name === 'anonymous' ? createTicket : actionNamed('setTicketCrmEnabledAction');
        const call = ACTION_CALLS[action.key](context(caller));
        return observed(() => callAction(action, call, caller, headers));
      },
    })),
  ];
  const variants = ['middleware', 'proxy', 'src/middleware', 'src/proxy', 'pages/_middleware'].flatMap((name) => [
    name,
    Array(5).fill(name).join(':'),
  ]);
  for (const request of requests) {
    expect(await request.send({}), request.label).toBe(request.expected);
    for (const variant of variants)
      expect(await request.send({ 'x-middleware-subrequest': variant }), `${request.label} with ${variant}`).toBe(request.expected);
  }
});

/** Each ticket board action that names a query, called with another user's query, and what it must answer. */
const FOREIGN_QUERY_CALLS: Record<
  string,
  { args: (query: { id: number; version: number }, intruder: TestUser) => unknown[]; outcome: string }
> = {
  updateQueryAction: {
    args: ({ id, version }) => formArgs({ id, version, name: unique('Gekapert'), status: 'closed' }),
    outcome: 'notFound',
  },
  renameQueryAction: { args: ({ id, version }) => formArgs({ id, version, name: unique('Gekapert') }), outcome: 'notFound' },
  duplicateQueryAction: { args: ({ id }) => formArgs({ id }), outcome: 'notFound' },
  deleteQueryAction: { args: ({ id, version }) => formArgs({ id, version }), outcome: 'notFound' },
  moveQueryAction: { args: ({ id }) => formArgs({ id, direction: 'left' }), outcome: 'notFound' },
  // A new order must name exactly the user's own queries: one more id is refused as a changed board.
  reorderQueriesAction: { args: ({ id }, intruder) => [{}, form({ ids: [...queryOrder(db, intruder.id), id] })], outcome: 'orderChanged' },
};

test("another user's saved query is not found: not its page, not any action naming it", async () => {
  const owner = callers.crm.user!;
  const query = freshQuery(db, owner.id, 'status=open&crm=on');
  const boardActions = builtActions().filter(
    (action) => action.filename === 'app/(app)/ticketboard/actions.ts' && action.name !== 'createQueryAction',
  );
  expect(boardActions.map((action) => action.name).sort(), 'ticket board actions naming a query').toEqual(
    Object.keys(FOREIGN_QUERY_CALLS).sort(),
  );
  for (const intruder of [callers.agent, callers.crm_admin]) {
    const headers = { Cookie: intruder.cookie! };
    const edit = await fetch(new URL(`/ticketboard/${query.id}`, baseURL), { headers, redirect: 'manual' });
    expect(edit.status, `/ticketboard/${query.id} as ${intruder.name}`).toBe(404);
    expect(await edit.text()).not.toContain(query.name);
    const board = await fetch(new URL('/ticketboard', baseURL), { headers });
    expect(await board.text()).not.toContain(query.name);
    for (const action of boardActions) {
      const { args, outcome } = FOREIGN_QUERY_CALLS[action.name];
      const answer = await observed(() => callAction(action, { page: '/ticketboard', args: args(query, intruder.user!) }, intruder));
      expect(answer, `${action.name} on another user's query as ${intruder.name}`).toBe(`200 ${outcome} unchanged`);
    }
  }
});
