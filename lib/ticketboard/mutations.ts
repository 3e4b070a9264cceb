import 'server-only';
// Writes of the ticket board's queries. Every query belongs to one user: another user's id is "not
// found", never changed. CRM criteria are refused for a user without `crm` (SPEC sections 1 and 6).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { queries, type SavedQuery } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import { translator } from '@/lib/i18n';
import type { MutationFailure, MutationResult } from '@/lib/result';
import { CRM_PARAMS, serialiseTicketListParams, usesCrmCriteria, type TicketListParams } from '@/lib/tickets/filters';
import { queryDisplayName } from './defaults';
import { MAX_QUERIES, type CreateQueryInput, type UpdateQueryInput } from './schemas';
import { parseSavedParams } from './saved-params';

function crmRefusal(user: SessionUser, params: TicketListParams): MutationFailure | null {
  if (hasRole(user, 'crm') || !usesCrmCriteria(params)) return null;
  const fieldErrors = Object.fromEntries(CRM_PARAMS.map((name) => [name, 'ticketboard.error.crmForbidden']));
  return { ok: false, error: 'ticketboard.error.crmForbidden', fieldErrors };
}

/** The user's own query, or undefined: another user's query is treated as absent. */
function ownQuery(tx: Db | Tx, user: SessionUser, id: number): SavedQuery | undefined {
  return tx
    .select()
    .from(queries)
    .where(and(eq(queries.id, id), eq(queries.ownerId, user.id)))
    .get();
}

function ownIds(tx: Db | Tx, user: SessionUser): number[] {
  return tx
    .select({ id: queries.id })
    .from(queries)
    .where(eq(queries.ownerId, user.id))
    .orderBy(asc(queries.position), asc(queries.id))
    .all()
    .map((row) => row.id);
}

function writePositions(tx: Tx, ids: number[]): void {
  ids.forEach((id, position) => tx.update(queries).set({ position }).where(eq(queries.id, id)).run());
}

/** Appends a query after the user's last column. */
function insertQuery(tx: Tx, user: SessionUser, name: string, params: string): MutationResult<{ id: number }> {
  const count = tx
    .select({ n: sql<number>`count(*)` })
    .from(queries)
    .where(eq(queries.ownerId, user.id))
    .get()!.n;
  if (count >= MAX_QUERIES) return { ok: false, error: 'ticketboard.error.tooMany', params: { max: MAX_QUERIES } };
  const last =
    tx
      .select({ max: sql<number | null>`max(${queries.position})` })
      .from(queries)
      .where(eq(queries.ownerId, user.id))
      .get()?.max ?? -1;
  const row = tx
    .insert(queries)
    .values({ ownerId: user.id, name, params, position: last + 1, updatedById: user.id })
    .returning({ id: queries.id })
    .get();
  return { ok: true, data: { id: row.id } };
}

export function createQuery(db: Db, user: SessionUser, input: CreateQueryInput): MutationResult<{ id: number }> {
  const refused = crmRefusal(user, input.params);
  if (refused) return refused;
  return writeTransaction(db, (tx) => insertQuery(tx, user, input.name, serialiseTicketListParams(input.params).toString()));
}

/** Saves name and parameters of a query, refused against a newer version. */
export function updateQuery(db: Db, user: SessionUser, input: UpdateQueryInput): MutationResult {
  const refused = crmRefusal(user, input.params);
  if (refused) return refused;
  return writeTransaction(db, (tx) => {
    const current = ownQuery(tx, user, input.id);
    const conflict = versionConflict(tx, current, input.version);
    if (conflict) return conflict;
    tx.update(queries)
      .set({ name: input.name, params: serialiseTicketListParams(input.params).toString(), ...saveStamp(current!, user.id) })
      .where(eq(queries.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

export function renameQuery(db: Db, user: SessionUser, input: { id: number; version: number; name: string }): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = ownQuery(tx, user, input.id);
    const conflict = versionConflict(tx, current, input.version);
    if (conflict) return conflict;
    tx.update(queries)
      .set({ name: input.name, ...saveStamp(current!, user.id) })
      .where(eq(queries.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/** A copy named "… (Kopie)" (in the user's language) at the end of the board; a copy of CRM criteria needs `crm` as a new query would. */
export function duplicateQuery(db: Db, user: SessionUser, input: { id: number }): MutationResult<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const current = ownQuery(tx, user, input.id);
    if (!current) return { ok: false, error: 'notFound' };
    const refused = crmRefusal(user, parseSavedParams(current.params, { allowCrm: true }).params);
    if (refused) return refused;
    const copyName = translator(user.locale)('ticketboard.copyName', { name: queryDisplayName(current.name, user.locale) });
    return insertQuery(tx, user, copyName.slice(0, 80), current.params);
  });
}

export function deleteQuery(db: Db, user: SessionUser, input: { id: number; version: number }): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = ownQuery(tx, user, input.id);
    const conflict = versionConflict(tx, current, input.version);
    if (conflict) return conflict;
    tx.delete(queries).where(eq(queries.id, input.id)).run();
    writePositions(tx, ownIds(tx, user));
    return { ok: true, data: undefined };
  });
}

/** Moves a column one place (the keyboard and no-JavaScript alternative to drag and drop). */
export function moveQuery(db: Db, user: SessionUser, input: { id: number; direction: 'left' | 'right' }): MutationResult {
  return writeTransaction(db, (tx) => {
    const ids = ownIds(tx, user);
    const index = ids.indexOf(input.id);
    if (index < 0) return { ok: false, error: 'notFound' };
    const target = input.direction === 'left' ? index - 1 : index + 1;
    if (target >= 0 && target < ids.length) [ids[index], ids[target]] = [ids[target], ids[index]];
    writePositions(tx, ids);
    return { ok: true, data: undefined };
  });
}

/** Applies a complete new order from drag and drop; refused unless it names each of the user's queries once. */
export function reorderQueries(db: Db, user: SessionUser, input: { ids: number[] }): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = ownIds(tx, user);
    const same =
      input.ids.length === current.length && new Set(input.ids).size === current.length && input.ids.every((id) => current.includes(id));
    if (!same) return { ok: false, error: 'ticketboard.error.orderChanged' };
    writePositions(tx, input.ids);
    return { ok: true, data: undefined };
  });
}
