// The ticket board against the generated data set (small): every query parameter filters as the
// ticket list does, new users get the default queries, queries stay private, CRM criteria are
// refused to users without `crm` (mutation and action), reorder and stale versions.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queries } from '@/db/schema';
import { seedLargeData } from '@/db/seed/large';
import type { SessionUser } from '@/lib/auth/guards';
import { DEFAULT_QUERIES } from '@/lib/ticketboard/defaults';
import { createQuery, deleteQuery, duplicateQuery, moveQuery, renameQuery, reorderQueries, updateQuery } from '@/lib/ticketboard/mutations';
import { findOwnQuery, listOwnQueries, loadBoardColumn } from '@/lib/ticketboard/queries';
import { createQuerySchema, renameQuerySchema, updateQuerySchema } from '@/lib/ticketboard/schemas';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { session } from '../support/fake-guards';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));

const { createQueryAction, reorderQueriesAction, updateQueryAction } = await import('@/app/(app)/ticketboard/actions');

let db: Db;
let crm: SessionUser;
let agent: SessionUser;
/** The board as its page reads it, column by column. */
const listBoardColumns = (db: Db, user: SessionUser) => listOwnQueries(db, user).map((query) => loadBoardColumn(db, user, query));

function scalar(query: string, ...args: unknown[]): number {
  return db.$client
    .prepare(query)
    .pluck()
    .get(...args) as number;
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** Saves a query for `user` from form fields and returns its board column. */
function column(user: SessionUser, fields: Record<string, string | string[]>) {
  const created = createQuery(db, user, createQuerySchema.parse({ name: 'Test', ...fields }));
  if (!created.ok) throw new Error(`create failed: ${created.error}`);
  const result = listBoardColumns(db, user).find((candidate) => candidate.id === created.data.id)!;
  db.delete(queries).where(eq(queries.id, created.data.id)).run();
  return result;
}

beforeAll(async () => {
  db = freshAppDb();
  await seedLargeData(db, db.$client, { partners: 150, tickets: 1_500, seed: 7 });
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
}, 60_000);

beforeEach(() => {
  session.user = null;
});

describe('filter semantics of a saved query', () => {
  it('status, Bearbeiter (user id and "ich"), partner and text', () => {
    expect(column(crm, { status: 'parked' }).total).toBe(scalar(`select count(*) from tickets where status = 'parked'`));
    expect(column(crm, { status: ['open', 'closed'] }).total).toBe(
      scalar(`select count(*) from tickets where status in ('open','closed')`),
    );

    const me = column(crm, { assignee: 'me' });
    expect(me.total).toBe(scalar('select count(*) from tickets where assignee_id = ?', crm.id));
    expect(me.total).toBeGreaterThan(0);
    expect(me.cards.every((card) => card.assignee?.id === crm.id)).toBe(true);
    const other = scalar('select assignee_id from tickets where assignee_id <> ? limit 1', crm.id);
    expect(column(crm, { assignee: String(other) }).total).toBe(scalar('select count(*) from tickets where assignee_id = ?', other));

    const partner = scalar(
      'select partner_id from tickets where partner_id is not null group by partner_id order by count(*) desc limit 1',
    );
    const byPartner = column(agent, { partner: String(partner) });
    expect(byPartner.total).toBe(
      scalar(
        'select count(*) from tickets t left join contacts c on c.id = t.contact_id where coalesce(t.partner_id, c.partner_id) = ?',
        partner,
      ),
    );
    expect(byPartner.cards.every((card) => card.partner?.id === partner)).toBe(true);

    const word = (db.$client.prepare('select title from tickets limit 1').pluck().get() as string).split(' ')[0];
    const byText = column(agent, { q: word });
    expect(byText.total).toBeGreaterThan(0);
    for (const card of byText.cards)
      expect(`${card.number} ${card.title} ${card.partner?.name ?? ''}`.toLowerCase()).toContain(word.toLowerCase());
  });

  it('CRM ist aktiviert / nicht aktiviert, CRM-Status and Umsatzgruppe for a crm user, with CRM values on the cards', () => {
    const on = column(crm, { crm: 'on' });
    expect(on.total).toBe(scalar('select count(*) from tickets where crm_enabled = 1'));
    expect(on.cards.every((card) => card.crm?.enabled === true)).toBe(true);
    expect(column(crm, { crm: 'off' }).total).toBe(scalar('select count(*) from tickets where crm_enabled = 0'));

    const status = scalar('select crm_status_id from tickets where crm_status_id is not null limit 1');
    const byStatus = column(crm, { crmStatus: String(status) });
    expect(byStatus.total).toBe(scalar('select count(*) from tickets where crm_status_id = ?', status));
    const statusName = db.$client.prepare('select name from crm_ticket_statuses where id = ?').pluck().get(status);
    expect(byStatus.cards.every((card) => card.crm?.status === statusName)).toBe(true);

    const group = scalar('select revenue_group_id from partners where revenue_group_id is not null limit 1');
    expect(column(crm, { revenueGroup: String(group), status: 'open' }).total).toBe(
      scalar(
        `select count(*) from tickets t left join contacts c on c.id = t.contact_id
         where t.status = 'open' and coalesce(t.partner_id, c.partner_id) in (select id from partners where revenue_group_id = ?)`,
        group,
      ),
    );
  });

  it('shows the newest 50 cards and the full count; no CRM values for a user without crm', () => {
    const all = column(agent, {});
    expect(all.total).toBe(1_500);
    expect(all.cards).toHaveLength(50);
    const times = all.cards.map((card) => card.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.cards.every((card) => card.crm === undefined)).toBe(true);
    expect(all.href).toBe('/tickets');
  });
});

describe('queries of a user', () => {
  it('a new user starts with Offen, In Bearbeitung, Geparkt, Geschlossen, filtering by their status', () => {
    const id = db.transaction(
      (tx) => insertUserWithDefaults(tx, { email: 'neu@example.com', name: 'Neu', passwordHash: 'x', roles: [] }).id,
    );
    const user: SessionUser = { id, email: 'neu@example.com', name: 'Neu', roles: [], locale: 'de' };
    const columns = listBoardColumns(db, user);
    expect(columns.map((c) => c.name)).toEqual(DEFAULT_QUERIES.map((q) => q.name));
    expect(columns.map((c) => c.href)).toEqual([
      '/tickets?status=open',
      '/tickets?status=in_progress',
      '/tickets?status=parked',
      '/tickets?status=closed',
    ]);
    expect(columns[2].total).toBe(scalar(`select count(*) from tickets where status = 'parked'`));
  });

  it("shows the default queries in the user's language until renamed; a typed translation keeps following the language", () => {
    const id = db.transaction(
      (tx) => insertUserWithDefaults(tx, { email: 'english@example.com', name: 'English', passwordHash: 'x', roles: [] }).id,
    );
    const en: SessionUser = { id, email: 'english@example.com', name: 'English', roles: [], locale: 'en' };
    const de: SessionUser = { ...en, locale: 'de' };
    const names = (user: SessionUser) => listOwnQueries(db, user).map((query) => query.name);
    expect(names(en)).toEqual(['Open', 'In progress', 'Parked', 'Closed']);
    expect(names(de)).toEqual(['Offen', 'In Bearbeitung', 'Geparkt', 'Geschlossen']);
    expect(listBoardColumns(db, en).map((column) => column.name)).toEqual(['Open', 'In progress', 'Parked', 'Closed']);

    const [open, inProgress] = listOwnQueries(db, en);
    expect(
      renameQuery(db, en, renameQuerySchema.parse({ id: String(open.id), version: String(open.version), name: 'Meine offenen' })).ok,
    ).toBe(true);
    // The edit form saved unchanged in English: the name shown was the translation.
    const saved = updateQuery(
      db,
      en,
      updateQuerySchema.parse({
        id: String(inProgress.id),
        version: String(inProgress.version),
        name: 'In progress',
        status: 'in_progress',
      }),
    );
    expect(saved.ok).toBe(true);
    expect(names(en)).toEqual(['Meine offenen', 'In progress', 'Parked', 'Closed']);
    expect(names(de)).toEqual(['Meine offenen', 'In Bearbeitung', 'Geparkt', 'Geschlossen']);
  });

  it("are private: another user's query id is not found and stays unchanged", () => {
    const foreign = listOwnQueries(db, crm)[0];
    const before = db.select().from(queries).where(eq(queries.id, foreign.id)).get();
    expect(findOwnQuery(db, agent, foreign.id)).toBeNull();
    expect(renameQuery(db, agent, { id: foreign.id, version: foreign.version, name: 'Gekapert' })).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(
      updateQuery(db, agent, updateQuerySchema.parse({ id: String(foreign.id), version: String(foreign.version), name: 'X' })),
    ).toMatchObject({ ok: false, error: 'notFound' });
    expect(deleteQuery(db, agent, { id: foreign.id, version: foreign.version })).toMatchObject({ ok: false, error: 'notFound' });
    expect(duplicateQuery(db, agent, { id: foreign.id })).toMatchObject({ ok: false, error: 'notFound' });
    expect(moveQuery(db, agent, { id: foreign.id, direction: 'left' })).toMatchObject({ ok: false, error: 'notFound' });
    expect(db.select().from(queries).where(eq(queries.id, foreign.id)).get()).toEqual(before);
    expect(listBoardColumns(db, agent).some((c) => c.id === foreign.id)).toBe(false);
  });

  it('rename, edit, duplicate and delete; a stale version is refused naming who saved', () => {
    const created = createQuery(db, crm, createQuerySchema.parse({ name: 'Meine', status: 'open' }));
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    expect(renameQuery(db, crm, { id, version: 1, name: 'Umbenannt' })).toMatchObject({ ok: true });
    expect(renameQuery(db, crm, { id, version: 1, name: 'Veraltet' })).toMatchObject({
      ok: false,
      error: 'staleVersion',
      changedBy: crm.name,
    });
    expect(
      updateQuery(db, crm, updateQuerySchema.parse({ id: String(id), version: '2', name: 'Geparkt mit CRM', status: 'parked', crm: 'on' })),
    ).toMatchObject({ ok: true });
    expect(findOwnQuery(db, crm, id)).toMatchObject({ name: 'Geparkt mit CRM', version: 3, params: { status: ['parked'], crm: 'on' } });
    const copy = duplicateQuery(db, crm, { id });
    expect(copy.ok && findOwnQuery(db, crm, copy.data.id)?.name).toBe('Geparkt mit CRM (Kopie)');
    expect(deleteQuery(db, crm, { id, version: 3 })).toMatchObject({ ok: true });
    expect(findOwnQuery(db, crm, id)).toBeNull();
    if (copy.ok) deleteQuery(db, crm, { id: copy.data.id, version: 1 });
  });

  it("reorder: the order persists; an order naming another user's queries is refused, nothing changed", () => {
    const ids = listOwnQueries(db, agent).map((q) => q.id);
    const reversed = [...ids].reverse();
    expect(reorderQueries(db, agent, { ids: reversed })).toMatchObject({ ok: true });
    expect(listOwnQueries(db, agent).map((q) => q.id)).toEqual(reversed);
    expect(moveQuery(db, agent, { id: reversed[1], direction: 'left' })).toMatchObject({ ok: true });
    const moved = [reversed[1], reversed[0], ...reversed.slice(2)];
    expect(listOwnQueries(db, agent).map((q) => q.id)).toEqual(moved);

    const foreign = listOwnQueries(db, crm).map((q) => q.id);
    expect(reorderQueries(db, agent, { ids: [...moved.slice(0, -1), foreign[0]] })).toMatchObject({
      ok: false,
      error: 'ticketboard.error.orderChanged',
    });
    expect(reorderQueries(db, agent, { ids: [...moved, foreign[0]] })).toMatchObject({ ok: false });
    expect(listOwnQueries(db, agent).map((q) => q.id)).toEqual(moved);
    expect(listOwnQueries(db, crm).map((q) => q.id)).toEqual(foreign);
  });
});

describe('CRM criteria for users without crm', () => {
  it('the mutation refuses each CRM criterion and saves nothing', () => {
    const before = listOwnQueries(db, agent).length;
    for (const fields of [{ crm: 'on' }, { crm: 'off' }, { crmStatus: '1' }, { revenueGroup: '1' }]) {
      expect(createQuery(db, agent, createQuerySchema.parse({ name: 'CRM', ...fields }))).toMatchObject({
        ok: false,
        error: 'ticketboard.error.crmForbidden',
      });
    }
    const own = listOwnQueries(db, agent)[0];
    expect(
      updateQuery(db, agent, updateQuerySchema.parse({ id: String(own.id), version: String(own.version), name: own.name, crm: 'on' })),
    ).toMatchObject({
      ok: false,
      error: 'ticketboard.error.crmForbidden',
    });
    expect(listOwnQueries(db, agent)).toHaveLength(before);
    expect(findOwnQuery(db, agent, own.id)).toEqual(own);
  });

  it('the actions answer with a clear message; a crm user may save the same', async () => {
    session.user = agent;
    const before = listOwnQueries(db, agent).length;
    const refused = await createQueryAction({}, form({ name: 'Heimlich', status: 'open', crm: 'on', crmStatus: '1' }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('stehen nur CRM-Benutzern zur Verfügung') });
    const own = listOwnQueries(db, agent)[0];
    expect(
      await updateQueryAction({}, form({ id: String(own.id), version: String(own.version), name: 'X', revenueGroup: '1' })),
    ).toMatchObject({ ok: false });
    expect(listOwnQueries(db, agent)).toHaveLength(before);
    expect(await reorderQueriesAction({}, form({ ids: listOwnQueries(db, crm).map((q) => String(q.id)) }))).toMatchObject({ ok: false });

    session.user = null;
    expect(await createQueryAction({}, form({ name: 'Anonym' }))).toMatchObject({ ok: false });

    session.user = crm;
    await expect(createQueryAction({}, form({ name: 'CRM offen', status: 'open', crm: 'on' }))).rejects.toThrow('redirect:/ticketboard');
    expect(listOwnQueries(db, crm).at(-1)).toMatchObject({ name: 'CRM offen', params: { crm: 'on', status: ['open'] } });
  });

  it('after losing the crm role, a query with CRM criteria says so instead of running unfiltered', () => {
    const created = createQuery(db, crm, createQuerySchema.parse({ name: 'Nur CRM', crmStatus: '1' }));
    if (!created.ok) throw new Error(created.error);
    const demoted: SessionUser = { ...crm, roles: [] };
    const shown = listBoardColumns(db, demoted).find((c) => c.id === created.data.id)!;
    expect(shown).toMatchObject({ crmUnavailable: true, total: null, cards: [] });
    expect(duplicateQuery(db, demoted, { id: created.data.id })).toMatchObject({ ok: false, error: 'ticketboard.error.crmForbidden' });
    expect(listBoardColumns(db, crm).find((c) => c.id === created.data.id)).toMatchObject({ crmUnavailable: false });
  });
});
