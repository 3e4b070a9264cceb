import 'server-only';
// Reads of the data manager: the export's statement, the preview and the record count, all from one
// query shape, so the preview shows exactly the file's first rows and the count is the file's row count.
import type Database from 'better-sqlite3';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { contactAttributes, contacts, exportTemplates, partnerAttributes, partners, tickets, users, type ExportEntity } from '@/db/schema';
import { assertRole, hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { csvBooleanWords, formatCsvHeader, formatCsvRow } from '@/lib/csv/columns';
import type { Translate } from '@/lib/i18n';
import { usesCrmCriteria } from '@/lib/tickets/filters';
import { ticketListWhere } from '@/lib/tickets/queries';
import { ticketPartnerId } from '@/lib/parties/names';
import { joinedAssignee, joinedPartner, visibleColumns, type DataColumn } from './columns';
import { exportCsvColumns, pageParams, toCells, type PageQuery } from './export-rows';
import type { ExportRequest } from './params';

const dialect = new SQLiteSyncDialect();

export const PREVIEW_ROWS = 20;

// The import's planner (lib/import/plan/queries.ts) reads the records through the same FROM and ID.
// The base table keeps its own name, because the ticket list's WHERE (ticketListWhere) names
// `tickets` and `contacts`; the joined partners and users have short aliases the columns use.
export const FROM: Record<ExportEntity, SQL> = {
  partners: sql`${partners}`,
  contacts: sql`${contacts} left join ${partners} ${sql.identifier('p')} on ${joinedPartner.id} = ${contacts.partnerId}`,
  tickets: sql`${tickets} left join ${contacts} on ${contacts.id} = ${tickets.contactId}
    left join ${partners} ${sql.identifier('p')} on ${joinedPartner.id} = ${ticketPartnerId}
    left join ${users} ${sql.identifier('u')} on ${joinedAssignee.id} = ${tickets.assigneeId}`,
};

export const ID: Record<ExportEntity, SQL> = {
  partners: sql`${partners.id}`,
  contacts: sql`${contacts.id}`,
  tickets: sql`${tickets.id}`,
};

/** The Merkmal filter; a ticket has a Merkmal through its partner (its own or its contact's) or its contact. */
function attributeCondition(entity: ExportEntity, attribute: number): SQL {
  const ofPartner = (partnerId: SQL | SQLiteColumn) =>
    sql`exists (select 1 from ${partnerAttributes} where ${partnerAttributes.partnerId} = ${partnerId} and ${partnerAttributes.attributeId} = ${attribute})`;
  const ofContact = (contactId: SQLiteColumn) =>
    sql`exists (select 1 from ${contactAttributes} where ${contactAttributes.contactId} = ${contactId} and ${contactAttributes.attributeId} = ${attribute})`;
  switch (entity) {
    case 'partners':
      return ofPartner(partners.id);
    case 'contacts':
      return ofContact(contacts.id);
    case 'tickets':
      return sql`(${ofPartner(ticketPartnerId)} or ${ofContact(tickets.contactId)})`;
  }
}

/** Refuses CRM columns and filters for a user without `crm`, whatever the caller checked before. */
export function assertMayExport(user: SessionUser, request: ExportRequest): void {
  const crmAsked = request.columns.some((column) => column.crm) || request.attribute !== null || usesCrmCriteria(request.ticketParams);
  if (crmAsked) assertRole(user, 'crm');
}

function whereOf(request: ExportRequest, user: SessionUser): SQL | undefined {
  return and(
    request.entity === 'tickets' ? ticketListWhere(request.ticketParams, user) : undefined,
    request.attribute !== null && hasRole(user, 'crm') ? attributeCondition(request.entity, request.attribute) : undefined,
  );
}

/** The statement of one page of the export (see PageQuery), with the user's own conditions. */
export function pageQuery(request: ExportRequest, user: SessionUser): PageQuery {
  const id = ID[request.entity];
  const where = whereOf(request, user);
  const selected = sql.join([id, ...request.columns.map((column: DataColumn) => column.expression)], sql`, `);
  const query = sql`select ${selected} from ${FROM[request.entity]} where ${id} > ${0}${where ? sql` and (${where})` : sql``} order by ${id} limit ${1}`;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, params };
}

export type ExportPreview = { header: string[]; rows: string[][]; total: number };

/** The file's header, first rows (formatted as the chosen dialect writes them) and its row count. */
export function previewExport(sqlite: Database.Database, user: SessionUser, request: ExportRequest, t: Translate): ExportPreview {
  assertMayExport(user, request);
  const columns = exportCsvColumns(request.columns, t);
  const where = whereOf(request, user);
  const count = dialect.sqlToQuery(sql`select count(*) from ${FROM[request.entity]}${where ? sql` where ${where}` : sql``}`);
  const query = pageQuery(request, user);
  const read = () => {
    const total = Number(
      sqlite
        .prepare(count.sql)
        .pluck()
        .get(...count.params),
    );
    const rows = sqlite
      .prepare(query.text)
      .raw(true)
      .all(...pageParams(query, 0, PREVIEW_ROWS)) as unknown[][];
    return { total, rows };
  };
  // Both reads in one snapshot, so the count and the rows agree.
  const { total, rows } = sqlite.transaction(read)();
  return {
    header: formatCsvHeader(columns, request.dialect),
    rows: rows.map((row) => formatCsvRow(columns, toCells(row, request.columns, t), request.dialect, csvBooleanWords(t))),
    total,
  };
}

export type ExportTemplate = { id: number; name: string; columns: string[] };

/** The user's own templates for an entity, by name; columns the user may no longer see are left out. */
export function listExportTemplates(db: Db, user: SessionUser, entity: ExportEntity): ExportTemplate[] {
  const allowed = new Set(visibleColumns(entity, hasRole(user, 'crm')).map((column) => column.key));
  return db
    .select({ id: exportTemplates.id, name: exportTemplates.name, columns: exportTemplates.columns })
    .from(exportTemplates)
    .where(and(eq(exportTemplates.ownerId, user.id), eq(exportTemplates.entity, entity)))
    .orderBy(asc(exportTemplates.name), asc(exportTemplates.id))
    .all()
    .map((template) => ({ ...template, columns: template.columns.filter((key) => allowed.has(key)) }));
}
