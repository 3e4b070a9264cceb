// Hostile-input cases of the remaining actions: language, sign-out and sign-in, the record pickers,
// user administration, ticket-board queries and data-manager templates.
import { and, asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { exportTemplates, LOCALES, loginAttempts, queries, ROLES, TICKET_STATUSES, users } from '@/db/schema';
import { isCommonPassword } from '@/lib/auth/password-policy';
import { findDataColumn } from '@/lib/data-manager/columns';
import { de } from '@/lib/i18n/dictionaries';
import { TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { fakeHash } from '../../support/fake-password';
import { FIXTURE_PASSWORD, type Fixture } from '../../support/hostile-fixture';
import { expectStoredText, type HostileCase } from '../../support/hostile-actions';
import { expectId, type Sent } from '../../support/hostile-form';
import { expectHumanMessage } from '../../support/human-message';

const tessQueries = (fx: Fixture) =>
  fx.db.select().from(queries).where(eq(queries.ownerId, fx.tess.id)).orderBy(asc(queries.position), asc(queries.id)).all();

/** The user's columns stay numbered 0, 1, 2, … in their order. */
function expectQueryPositions(fx: Fixture): number[] {
  const rows = tessQueries(fx);
  expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index));
  return rows.map((row) => row.id);
}

const ID_PARAMS = new Set(['partner', 'contact', 'crmStatus', 'revenueGroup', 'assignee']);

/** A saved query holds only known parameters, each a trimmed value the form sent, ids as digits. */
function expectQuery(fx: Fixture, queryId: number, sent: Sent): void {
  const row = fx.db.select().from(queries).where(eq(queries.id, queryId)).get();
  expect(row?.ownerId).toBe(fx.tess.id);
  expectStoredText(row!.name, sent.one('name'), { max: 80 });
  for (const [name, value] of new URLSearchParams(row!.params)) {
    expect(TICKET_LIST_PARAMS as readonly string[]).toContain(name);
    const typed = sent.all(name).map((item) => (typeof item === 'string' ? item : item.name).trim());
    if (name === 'status') expect(TICKET_STATUSES as readonly string[]).toContain(value);
    if (ID_PARAMS.has(name) && value !== 'me') {
      expect(value).toMatch(/^[1-9]\d*$/);
      expect(
        typed.some((item) => /^\d+$/.test(item) && Number(item) === Number(value)),
        `${name}=${value} was not typed`,
      ).toBe(true);
    } else expect(typed).toContain(value);
    if (name === 'q') expect(value.length).toBeLessThanOrEqual(200);
  }
}

const queryFields = (fx: Fixture) => ({
  name: 'Meine offenen CRM-Tickets',
  status: ['open', 'in_progress'],
  assignee: 'me',
  partner: String(fx.partners.mueller),
  contact: '',
  q: 'Angebot',
  crm: 'on',
  crmStatus: String(fx.lookups.crmTicketStatuses.ids[0]),
  revenueGroup: '',
});

const activeAdmins = (fx: Fixture) =>
  fx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.active, true), sql`exists (select 1 from json_each(${users.roles}) where value = 'admin')`))
    .get()!.n;

const userRow = (fx: Fixture, id: number) => fx.db.select().from(users).where(eq(users.id, id)).get()!;

/** The roles a form ticked, as stored: each once, each a known role. */
function expectRoles(stored: readonly string[], sent: Sent): void {
  const typed = sent.all('roles').map((value) => (typeof value === 'string' ? value : value.name));
  // A CRM Admin is stored with the CRM role too, ticked or not (SPEC section 1).
  expect([...stored].sort()).toEqual([...new Set([...typed, ...(typed.includes('crm_admin') ? ['crm'] : [])])].sort());
  for (const role of stored) expect(ROLES as readonly string[]).toContain(role);
}

function expectPassword(fx: Fixture, userId: number, sent: Sent): void {
  const password = sent.one('password')!;
  expect(password.length >= 10 && password.length <= 128, 'a password outside 10–128 characters').toBe(true);
  expect(isCommonPassword(password), 'a common password').toBe(false);
  expect(userRow(fx, userId).passwordHash).toBe(fakeHash(password));
}

const SHELL = 'app/(app)/actions.ts';
const PICKERS = 'app/(app)/picker-actions.ts';
const USERS = 'app/(app)/admin/users/actions.ts';
const BOARD = 'app/(app)/ticketboard/actions.ts';
const DATA = 'app/(app)/data-manager/actions.ts';
const LOGIN = 'app/(auth)/login/actions.ts';
const ACCOUNT = 'app/(app)/account/password/actions.ts';
const NEW_PASSWORD = 'Montag-Kaffee-7';

/** A picker answers options to choose from, whatever it was sent, and writes nothing. */
const pickerCase: HostileCase = {
  call: 'query',
  base: () => ({ query: 'Müller' }),
  judge: ({ outcome, unchanged }) => {
    expect('returned' in outcome && Array.isArray(outcome.returned), 'a picker answered no list').toBe(true);
    const options = (outcome as { returned: { id: unknown; label: unknown }[] }).returned;
    for (const option of options) {
      expect(Number.isSafeInteger(option.id) && (option.id as number) > 0).toBe(true);
      expect(typeof option.label === 'string' && option.label !== '').toBe(true);
    }
    unchanged();
    return options.length > 0 ? 'accepted' : 'refused';
  },
};

export const SHELL_CASES: Record<string, HostileCase> = {
  [`${SHELL}#setLocaleAction`]: {
    call: 'form',
    base: () => ({ locale: 'en' }),
    // A language outside the list is ignored: the page shows again in the old one.
    judge: ({ fx, sent, outcome, unchanged }) => {
      expect(outcome).toEqual({ returned: undefined });
      const locale = sent.first('locale');
      if (!(LOCALES as readonly (string | undefined)[]).includes(locale)) {
        unchanged();
        return 'refused';
      }
      expect(userRow(fx, fx.tess.id).locale).toBe(locale);
      return 'accepted';
    },
  },
  [`${SHELL}#signOutAction`]: {
    call: 'form',
    base: () => ({ next: '//evil.example' }),
    neverRefuses: true,
    judge: ({ outcome, unchanged }) => {
      expect(outcome).toEqual({ redirect: '/login' });
      unchanged();
      return 'accepted';
    },
  },
  [`${ACCOUNT}#changeOwnPasswordAction`]: {
    base: () => ({ currentPassword: FIXTURE_PASSWORD, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD }),
    extra: {
      currentPassword: ['falsch-passwort-1', FIXTURE_PASSWORD.toUpperCase(), ` ${FIXTURE_PASSWORD}`],
      password: ['12345678', '1234567890', ' '.repeat(10), 'password123', NEW_PASSWORD],
      passwordRepeat: [NEW_PASSWORD, 'Montag-Kaffee-8'],
    },
    // Checking the current password is a sign-in attempt for the throttle: that table may change either way.
    judge: ({ fx, sent, outcome, unchanged }) => {
      const state = ('returned' in outcome ? outcome.returned : undefined) as
        | { ok?: boolean; error?: string; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, unknown> }
        | undefined;
      expect(state?.values ?? {}).not.toHaveProperty('password');
      expect(state?.values ?? {}).not.toHaveProperty('currentPassword');
      expect(state?.values ?? {}).not.toHaveProperty('passwordRepeat');
      if (state?.ok === true) {
        expectHumanMessage(state.message, 'success message');
        const password = sent.one('password')!;
        expect(sent.one('currentPassword')).toBe(FIXTURE_PASSWORD);
        expect(sent.one('passwordRepeat')).toBe(password);
        expect(password.length >= 10 && password.length <= 128, 'a password outside 10–128 characters').toBe(true);
        expect(userRow(fx, fx.tess.id)).toMatchObject({ passwordHash: fakeHash(password), sessionVersion: 1 });
        return 'accepted';
      }
      expect(state?.ok).toBe(false);
      expectHumanMessage(state?.error, 'error');
      for (const [field, message] of Object.entries(state?.fieldErrors ?? {})) expectHumanMessage(message, `field error of ${field}`);
      unchanged(['login_attempts', 'sqlite_sequence']);
      return 'refused';
    },
  },
  [`${PICKERS}#searchPartnersAction`]: pickerCase,
  [`${PICKERS}#searchContactsAction`]: pickerCase,

  [`${LOGIN}#signInAction`]: {
    base: (fx) => ({ email: fx.carl.email, password: FIXTURE_PASSWORD, next: '/crm' }),
    extra: {
      next: [
        '//evil.example',
        '/\\evil.example',
        'https://evil.example',
        'javascript:alert(1)',
        '/tickets?status=open&q=a',
        '/%2F%2Fevil.example',
        '/\t/evil.example',
        '/crm#x',
      ],
      email: [' CRM@Example.com ', 'crm@example.com\u0000', 'tess@example.com', 'olaf@example.com'],
    },
    // Failed sign-ins are recorded for the throttle (SPEC section 11): that table may change either way.
    judge: ({ fx, sent, outcome, unchanged }) => {
      unchanged(['login_attempts', 'sqlite_sequence']);
      const latest = fx.db
        .select()
        .from(loginAttempts)
        .orderBy(sql`${loginAttempts.id} desc`)
        .get();
      if ('redirect' in outcome) {
        const target = new URL(outcome.redirect, 'http://crm.example');
        expect(target.origin, `signed in and sent to ${outcome.redirect}`).toBe('http://crm.example');
        // Only an active account with its own password gets in.
        const account = fx.db
          .select()
          .from(users)
          .where(eq(users.email, (sent.first('email') ?? '').slice(0, 254).trim().toLowerCase()))
          .get();
        expect(account?.active).toBe(true);
        expect(account?.passwordHash).toBe(fakeHash(sent.first('password') ?? ''));
        expect(latest?.succeeded).toBe(true);
        return 'accepted';
      }
      const state = outcome.returned as { error?: string; email?: string };
      expectHumanMessage(state.error);
      expect([de['login.failed'], de['login.throttled']]).toContain(state.error);
      expect(typeof state.email === 'string' && state.email.length <= 254).toBe(true);
      if (latest) expect(latest.succeeded).toBe(false);
      return 'refused';
    },
  },

  [`${USERS}#createUserAction`]: {
    base: () => ({ email: 'nina@example.com', name: 'Nina Neu', password: 'geheim-123', roles: ['crm', 'crm_admin'], locale: 'en' }),
    extra: {
      email: ['CRM@example.com', ' Nina@Example.COM ', 'nina@localhost', 'a@b', 'nina@example.com\u0000'],
      roles: ['admin', 'ADMIN', 'root'],
      password: ['1234567', '12345678', '1234567890', 'password123'],
    },
    accepted: ({ fx, sent }) => {
      const email = sent.one('email')!.trim().toLowerCase();
      const row = fx.db.select().from(users).where(eq(users.email, email)).get();
      expect(row).toBeDefined();
      expect(email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
      expectStoredText(row!.name, sent.one('name'), { max: 200 });
      expectPassword(fx, row!.id, sent);
      expectRoles(row!.roles, sent);
      expect(row!.locale).toBe(sent.one('locale') ?? 'de');
      expect(fx.db.select().from(queries).where(eq(queries.ownerId, row!.id)).all()).toHaveLength(4);
    },
  },
  [`${USERS}#updateUserAction`]: {
    base: (fx) => ({ id: String(fx.agentId), version: '1', name: 'Agnes Service-Team', roles: ['crm'], locale: 'en' }),
    extra: { roles: ['admin', 'ADMIN', 'root'] },
    accepted: ({ fx, sent }) => {
      const row = userRow(fx, expectId(sent.one('id')));
      expectStoredText(row.name, sent.one('name'), { max: 200 });
      expectRoles(row.roles, sent);
      expect(row.locale).toBe(sent.one('locale'));
      expect(row.version).toBe(2);
      expect(activeAdmins(fx), 'the last administrator lost the role').toBeGreaterThan(0);
    },
  },
  [`${USERS}#setUserActiveAction`]: {
    base: (fx) => [
      { id: String(fx.agentId), version: '1', active: 'false' },
      { id: String(fx.inactiveId), version: '1', active: 'true' },
    ],
    accepted: ({ fx, sent }) => {
      const row = userRow(fx, expectId(sent.one('id')));
      expect(row.active).toBe(sent.one('active') === 'true');
      expect(activeAdmins(fx), 'the last administrator was deactivated').toBeGreaterThan(0);
    },
  },
  [`${USERS}#setUserPasswordAction`]: {
    base: (fx) => ({ id: String(fx.carl.id), version: '1', password: 'neues-passwort-1' }),
    extra: {
      password: ['1234567', '12345678', '1234567890', 'ä'.repeat(128), 'ä'.repeat(129), '        ', ' '.repeat(10), 'äöü'.repeat(40)],
    },
    accepted: ({ fx, sent }) => {
      const id = expectId(sent.one('id'));
      expectPassword(fx, id, sent);
      expect(userRow(fx, id).sessionVersion).toBe(2);
    },
  },

  [`${BOARD}#createQueryAction`]: {
    base: queryFields,
    extra: { status: [...TICKET_STATUSES, 'OPEN'], crm: ['off', 'ON', ''], assignee: ['me', 'ME'] },
    seeded: (fx) => tessQueries(fx).map((row) => row.id),
    accepted: ({ fx, sent, redirect, seeded }) => {
      expect(redirect).toBe('/ticketboard');
      const added = tessQueries(fx).filter((row) => !(seeded as number[]).includes(row.id));
      expect(added).toHaveLength(1);
      expectQuery(fx, added[0].id, sent);
      expectQueryPositions(fx);
    },
  },
  [`${BOARD}#updateQueryAction`]: {
    base: (fx) => ({ ...queryFields(fx), id: String(fx.tessQueries[0]), version: '1' }),
    extra: { status: [...TICKET_STATUSES, 'OPEN'], crm: ['off', 'ON', ''] },
    accepted: ({ fx, sent, redirect }) => {
      expect(redirect).toBe('/ticketboard');
      expectQuery(fx, expectId(sent.one('id')), sent);
    },
  },
  [`${BOARD}#renameQueryAction`]: {
    base: (fx) => ({ id: String(fx.tessQueries[1]), version: '1', name: 'Warten auf Kunde' }),
    accepted: ({ fx, sent }) => {
      const row = fx.db
        .select()
        .from(queries)
        .where(eq(queries.id, expectId(sent.one('id'))))
        .get();
      expect(row?.ownerId).toBe(fx.tess.id);
      expectStoredText(row!.name, sent.one('name'), { max: 80 });
    },
  },
  [`${BOARD}#duplicateQueryAction`]: {
    base: (fx) => ({ id: String(fx.tessQueries[2]) }),
    seeded: (fx) => tessQueries(fx),
    accepted: ({ fx, sent, seeded }) => {
      const before = seeded as ReturnType<typeof tessQueries>;
      const original = before.find((row) => row.id === expectId(sent.one('id')));
      expect(original, 'duplicated a query that is not the user’s').toBeDefined();
      const added = tessQueries(fx).filter((row) => !before.some((old) => old.id === row.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ name: `${original!.name} (Kopie)`.slice(0, 80), params: original!.params });
      expectQueryPositions(fx);
    },
  },
  [`${BOARD}#deleteQueryAction`]: {
    base: (fx) => ({ id: String(fx.tessQueries[3]), version: '1' }),
    accepted: ({ fx, sent }) => {
      const id = expectId(sent.one('id'));
      expect(fx.tessQueries).toContain(id);
      expect(expectQueryPositions(fx)).not.toContain(id);
    },
  },
  [`${BOARD}#moveQueryAction`]: {
    base: (fx) => [
      { id: String(fx.tessQueries[1]), direction: 'left' },
      { id: String(fx.tessQueries[3]), direction: 'right' },
    ],
    accepted: ({ fx, sent }) => {
      const moved = expectId(sent.one('id'));
      const from = fx.tessQueries.indexOf(moved);
      expect(from).toBeGreaterThanOrEqual(0);
      const to = Math.min(Math.max(from + (sent.one('direction') === 'left' ? -1 : 1), 0), fx.tessQueries.length - 1);
      expect(expectQueryPositions(fx).indexOf(moved)).toBe(to);
    },
  },
  [`${BOARD}#reorderQueriesAction`]: {
    base: (fx) => ({ ids: [...fx.tessQueries].reverse().map(String) }),
    accepted: ({ fx, sent }) => {
      expect(expectQueryPositions(fx)).toEqual(sent.all('ids').map((value) => expectId(typeof value === 'string' ? value : value.name)));
    },
  },

  [`${DATA}#saveExportTemplateAction`]: {
    base: () => [
      { entity: 'contacts', name: 'Kontaktliste', columns: 'firstName, lastName,email' },
      { entity: 'partners', name: 'Adressen', columns: 'gpid,name,partnerStatus' },
    ],
    extra: { columns: ['gpid,gpid', 'name,,city', 'password_hash', 'partnerStatus', ',', 'tickets.title', 'constructor'] },
    accepted: ({ fx, sent }) => {
      const entity = sent.one('entity') as 'partners' | 'contacts' | 'tickets';
      const name = sent.one('name')!.trim();
      expect(name.length >= 1 && name.length <= 100).toBe(true);
      const row = fx.db
        .select()
        .from(exportTemplates)
        .where(and(eq(exportTemplates.ownerId, fx.tess.id), eq(exportTemplates.entity, entity), eq(exportTemplates.name, name)))
        .get();
      const keys = [
        ...new Set(
          sent
            .one('columns')!
            .split(',')
            .map((key) => key.trim())
            .filter((key) => key !== ''),
        ),
      ];
      expect(row?.columns).toEqual(keys);
      for (const key of keys) expect(findDataColumn(entity, key), `unknown column ${key} saved`).toBeDefined();
    },
  },
  [`${DATA}#deleteExportTemplateAction`]: {
    base: (fx) => ({ id: String(fx.tessTemplate) }),
    accepted: ({ fx, sent }) => {
      // Only one's own template goes.
      expect(expectId(sent.one('id'))).toBe(fx.tessTemplate);
      expect(fx.db.select().from(exportTemplates).where(eq(exportTemplates.id, fx.tessTemplate)).get()).toBeUndefined();
    },
  },
};
