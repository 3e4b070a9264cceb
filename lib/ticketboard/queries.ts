import 'server-only';
// Reads of the ticket board: the user's own queries, each run through the ticket list's own query
// (one count and one page of 50 per column). A query whose CRM criteria the user may no longer use
// is not run: without them it would silently show other tickets.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queries } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { serialiseTicketListParams, type TicketListParams } from '@/lib/tickets/filters';
import { listTickets, type TicketListItem } from '@/lib/tickets/queries';
import { queryDisplayName } from './defaults';
import { parseSavedParams } from './saved-params';

export const CARDS_PER_COLUMN = 50;

export type BoardQuery = {
  id: number;
  name: string;
  version: number;
  params: TicketListParams;
  crmUnavailable: boolean;
  invalidParams: string[];
};

export type BoardColumn = BoardQuery & {
  /** The full ticket list of this query. */
  href: string;
  /** Null when the query was not run (CRM criteria unavailable). */
  total: number | null;
  cards: TicketListItem[];
};

function toBoardQuery(user: SessionUser, row: { id: number; name: string; version: number; params: string }): BoardQuery {
  const saved = parseSavedParams(row.params, { allowCrm: hasRole(user, 'crm') });
  const invalidParams = [...new Set(saved.problems.filter((problem) => problem.problem === 'invalid').map((problem) => problem.param))];
  return {
    id: row.id,
    name: queryDisplayName(row.name, user.locale),
    version: row.version,
    params: saved.params,
    crmUnavailable: saved.crmUnavailable,
    invalidParams,
  };
}

/** The user's queries in the user's order. */
export function listOwnQueries(db: Db, user: SessionUser): BoardQuery[] {
  return db
    .select({ id: queries.id, name: queries.name, version: queries.version, params: queries.params })
    .from(queries)
    .where(eq(queries.ownerId, user.id))
    .orderBy(asc(queries.position), asc(queries.id))
    .all()
    .map((row) => toBoardQuery(user, row));
}

/** One of the user's own queries; another user's is null, as an unknown id is. */
export function findOwnQuery(db: Db, user: SessionUser, id: number): BoardQuery | null {
  const row = db
    .select({ id: queries.id, name: queries.name, version: queries.version, params: queries.params })
    .from(queries)
    .where(and(eq(queries.id, id), eq(queries.ownerId, user.id)))
    .get();
  return row ? toBoardQuery(user, row) : null;
}

/** One column: the query run through the ticket list (its count and first page), unless its CRM criteria are unavailable. */
export function loadBoardColumn(db: Db, user: SessionUser, query: BoardQuery): BoardColumn {
  const href = `/tickets?${serialiseTicketListParams(query.params).toString()}`.replace(/\?$/, '');
  if (query.crmUnavailable) return { ...query, href, total: null, cards: [] };
  const { rows, total } = listTickets(db, user, query.params, { limit: CARDS_PER_COLUMN, offset: 0 });
  return { ...query, href, total, cards: rows };
}
