// Every table of the product (SPEC section 2), its indexes and the inferred row types.
// Money is integer euro cents, percentages integers 0–100, timestamps UTC milliseconds.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { PHASES, type Phase } from '../lib/crm/phases';

export const ROLES = ['crm', 'crm_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TICKET_STATUSES = ['open', 'in_progress', 'parked', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ATTRIBUTE_TARGETS = ['partner', 'contact', 'both'] as const;
export type AttributeTarget = (typeof ATTRIBUTE_TARGETS)[number];

export const CRM_ENTITIES = ['ticket', 'partner'] as const;
export type CrmEntity = (typeof CRM_ENTITIES)[number];

export { PHASES, type Phase };

export const EXPORT_ENTITIES = ['partners', 'contacts', 'tickets'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** created_at, updated_at and the optimistic-concurrency version of every editable record. */
const editable = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
  /** Who saved last: named in the "inzwischen von … geändert" message of a refused stale save. */
  updatedById: integer('updated_by_id').references((): AnySQLiteColumn => users.id),
  version: integer('version').notNull().default(1),
};

/**
 * The CRM fields' own version and stamp, apart from the record's: a CRM save must neither reveal itself
 * to plain users ("Geändert … von …") nor make their next save of the master data stale.
 */
const crmEditable = {
  crmUpdatedAt: integer('crm_updated_at', { mode: 'timestamp_ms' }),
  crmUpdatedById: integer('crm_updated_by_id').references((): AnySQLiteColumn => users.id),
  crmVersion: integer('crm_version').notNull().default(1),
};

/** The columns every lookup list shares: name, admin-defined position, archived flag. */
const lookup = {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...editable,
};

// ---------------------------------------------------------------- users and sign-in

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased, so uniqueness is case-insensitive. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    /** germanSortKey(name) (lib/order/sort-key.ts): SQLite has no German collation. */
    sortName: text('sort_name'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles', { mode: 'json' })
      .$type<Role[]>()
      .notNull()
      .default(sql`'[]'`),
    locale: text('locale', { enum: LOCALES }).notNull().default('de'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Bumped on deactivation, role or password change: every older session stops working. */
    sessionVersion: integer('session_version').notNull().default(1),
    ...editable,
  },
  (t) => [index('users_sort_name').on(t.sortName, t.id)],
);

/**
 * Server-side sessions: the cookie carries only the id; sign-out, password changes and the lifetimes
 * end a session here, so a stolen or old cookie stops working.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the random token in the cookie (hex): the table alone cannot sign anyone in. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull().default(now),
    /** Absolute end, fixed at sign-in. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Personal calendar feeds of follow-ups (SPEC section 17): the address's token is shown once and kept
 * as its SHA-256 only. A user has at most one feed not revoked.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token (hex). */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('calendar_feeds_user').on(t.userId)],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `email:<address>` or `ip:<address>`: one row per key and attempt. */
    key: text('key').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('login_attempts_key_at').on(t.key, t.at)],
);

export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

// ---------------------------------------------------------------- CRM lookup lists

export const crmTicketStatuses = sqliteTable('crm_ticket_statuses', {
  ...lookup,
  phase: text('phase', { enum: PHASES }).notNull().default('open'),
  /** `#rrggbb`, shown wherever the status is; null: none. */
  color: text('color'),
  /** "veraltet nach N Tagen" (SPEC section 17): null, never stale; read for statuses of phase open only. */
  staleAfterDays: integer('stale_after_days'),
});
export const lostReasons = sqliteTable('lost_reasons', lookup);
export const crmPartnerStatuses = sqliteTable('crm_partner_statuses', lookup);
export const companyGroups = sqliteTable('company_groups', lookup);
export const dataSources = sqliteTable('data_sources', lookup);
export const products = sqliteTable('products', lookup);

export const companySizes = sqliteTable('company_sizes', {
  ...lookup,
  minEmployees: integer('min_employees').notNull(),
  /** Null: open-ended ("500 und mehr"). */
  maxEmployees: integer('max_employees'),
});

export const revenueGroups = sqliteTable('revenue_groups', {
  ...lookup,
  minCents: integer('min_cents').notNull(),
  /** Null: open-ended. */
  maxCents: integer('max_cents'),
});

export const campaigns = sqliteTable('campaigns', {
  ...lookup,
  /** ISO dates (yyyy-mm-dd). */
  startDate: text('start_date'),
  endDate: text('end_date'),
});

export const attributes = sqliteTable('attributes', {
  ...lookup,
  appliesTo: text('applies_to', { enum: ATTRIBUTE_TARGETS }).notNull().default('both'),
});

// ---------------------------------------------------------------- partners and contacts

export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    gpid: integer('gpid').notNull().unique(),
    name: text('name').notNull(),
    /** germanSortKey(name) (lib/order/sort-key.ts): SQLite has no German collation. */
    sortName: text('sort_name'),
    name2: text('name2').notNull().default(''),
    searchName: text('search_name').notNull().default(''),
    street: text('street').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default('DE'),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    // CRM fields: visible to `crm` only.
    crmPartnerStatusId: integer('crm_partner_status_id').references(() => crmPartnerStatuses.id),
    companyGroupId: integer('company_group_id').references(() => companyGroups.id),
    newsletter: integer('newsletter', { mode: 'boolean' }).notNull().default(false),
    revenueGroupId: integer('revenue_group_id').references(() => revenueGroups.id),
    /** Unternehmensgröße; the grouped size is derived from company_sizes at read time. */
    employeeCount: integer('employee_count'),
    dataSourceId: integer('data_source_id').references(() => dataSources.id),
    isProspect: integer('is_prospect', { mode: 'boolean' }).notNull().default(false),
    comment1: text('comment1').notNull().default(''),
    comment2: text('comment2').notNull().default(''),
    comment3: text('comment3').notNull().default(''),
    comment4: text('comment4').notNull().default(''),
    ...crmEditable,
    ...editable,
  },
  (t) => [
    index('partners_name').on(t.name),
    index('partners_sort_name').on(t.sortName, t.id),
    index('partners_city').on(t.city),
    index('partners_company_group').on(t.companyGroupId),
    index('partners_revenue_group').on(t.revenueGroupId),
    index('partners_employee_count').on(t.employeeCount),
    index('partners_crm_status').on(t.crmPartnerStatusId),
    index('partners_data_source').on(t.dataSourceId),
  ],
);

export const partnerCampaigns = sqliteTable(
  'partner_campaigns',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.campaignId] }), index('partner_campaigns_campaign').on(t.campaignId, t.partnerId)],
);

export const partnerProducts = sqliteTable(
  'partner_products',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.productId] }), index('partner_products_product').on(t.productId, t.partnerId)],
);

export const partnerAttributes = sqliteTable(
  'partner_attributes',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    attributeId: integer('attribute_id')
      .notNull()
      .references(() => attributes.id),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.attributeId] }), index('partner_attributes_attribute').on(t.attributeId, t.partnerId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id').references(() => partners.id),
    salutation: text('salutation').notNull().default(''),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull(),
    /** contactSortKey (lib/order/sort-key.ts): last name, then first name, in German order. */
    sortName: text('sort_name'),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    position: text('position').notNull().default(''),
    ...editable,
  },
  (t) => [
    index('contacts_partner').on(t.partnerId),
    index('contacts_last_name').on(t.lastName, t.firstName),
    index('contacts_sort_name').on(t.sortName, t.id),
  ],
);

export const contactAttributes = sqliteTable(
  'contact_attributes',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    attributeId: integer('attribute_id')
      .notNull()
      .references(() => attributes.id),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.attributeId] }), index('contact_attributes_attribute').on(t.attributeId, t.contactId)],
);

// ---------------------------------------------------------------- tickets

/** The index of tickets by creation time; ticket lists name it to walk it (lib/tickets/queries.ts). */
export const TICKETS_BY_CREATION = 'tickets_created';

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** e.g. T-000123, assigned from the `ticket` counter. */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('open'),
    partnerId: integer('partner_id').references(() => partners.id),
    contactId: integer('contact_id').references(() => contacts.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    createdById: integer('created_by_id').references(() => users.id),
    // CRM fields: visible to `crm` only.
    crmEnabled: integer('crm_enabled', { mode: 'boolean' }).notNull().default(false),
    crmActivatedAt: integer('crm_activated_at', { mode: 'timestamp_ms' }),
    crmStatusId: integer('crm_status_id').references(() => crmTicketStatuses.id),
    /** Abschlusschance, 0–100. */
    probability: integer('probability'),
    /** Umsatzpotenzial in euro cents. */
    potentialCents: integer('potential_cents'),
    /** Voraussichtliche Benutzeranzahl. */
    expectedUsers: integer('expected_users'),
    /** Voraussichtlicher Abschluss, `YYYY-MM-DD`. */
    expectedClose: text('expected_close'),
    /** Verlustgrund: offered when the CRM status's phase is lost. */
    lostReasonId: integer('lost_reason_id').references(() => lostReasons.id),
    /** Nächste Aktion: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` with a time, Berlin wall-clock time. */
    nextActionAt: text('next_action_at'),
    /** Nächste Aktion (Text). */
    nextActionText: text('next_action_text').notNull().default(''),
    /**
     * The newest Verlauf entry of a field that moves the deal on (SPEC section 17; the registry's
     * `movesDeal`), kept by the trigger crm_changes_moves_deal of migration 0005; staleness reads it.
     */
    crmMovedAt: integer('crm_moved_at', { mode: 'timestamp_ms' }),
    ...crmEditable,
    ...editable,
  },
  (t) => [
    index('tickets_status_created').on(t.status, t.createdAt),
    index(TICKETS_BY_CREATION).on(t.createdAt),
    index('tickets_partner').on(t.partnerId),
    index('tickets_contact').on(t.contactId),
    index('tickets_assignee').on(t.assigneeId, t.status),
    // The dashboard reads only CRM-enabled tickets: a partial covering index of the filter,
    // grouping and summed columns lets it aggregate without touching the table.
    index('tickets_crm_dashboard')
      .on(
        t.crmStatusId,
        t.partnerId,
        t.contactId,
        t.assigneeId,
        t.expectedUsers,
        t.potentialCents,
        t.probability,
        t.status,
        t.expectedClose,
        t.lostReasonId,
        t.nextActionAt,
        t.crmMovedAt,
        t.crmActivatedAt,
      )
      .where(sql`crm_enabled = 1`),
    index('tickets_crm_partner')
      .on(t.partnerId, t.crmStatusId, t.potentialCents, t.probability, t.expectedUsers)
      .where(sql`crm_enabled = 1`),
    index('tickets_crm_assignee')
      .on(t.assigneeId)
      .where(sql`crm_enabled = 1`),
    // Forecast and the board's close windows: CRM tickets by expected close.
    index('tickets_crm_close')
      .on(t.expectedClose, t.crmStatusId, t.potentialCents, t.probability)
      .where(sql`crm_enabled = 1`),
    // "Meine Wiedervorlagen" and the calendar feed: a user's CRM tickets by next action.
    index('tickets_crm_followups')
      .on(t.assigneeId, t.nextActionAt)
      .where(sql`crm_enabled = 1 and next_action_at is not null`),
  ],
);

export const ticketCampaigns = sqliteTable(
  'ticket_campaigns',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.campaignId] }), index('ticket_campaigns_campaign').on(t.campaignId, t.ticketId)],
);

export const ticketProducts = sqliteTable(
  'ticket_products',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.productId] }), index('ticket_products_product').on(t.productId, t.ticketId)],
);

// ---------------------------------------------------------------- CRM history, queries, export templates

export const crmChanges = sqliteTable(
  'crm_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity', { enum: CRM_ENTITIES }).notNull(),
    entityId: integer('entity_id').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    userId: integer('user_id').references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
    /** The bulk change (or its undo) this entry belongs to; null for a single save. */
    bulkChangeId: integer('bulk_change_id').references((): AnySQLiteColumn => bulkChanges.id),
    /** With bulkChangeId: the entry restores what that bulk change had set (its undo). */
    bulkUndo: integer('bulk_undo', { mode: 'boolean' }).notNull().default(false),
    /** The import (or its undo, with importUndo) this entry belongs to; null otherwise. */
    importId: integer('import_id').references((): AnySQLiteColumn => imports.id),
    importUndo: integer('import_undo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('crm_changes_entity').on(t.entity, t.entityId, t.at),
    // Slippage and calibration read one field's changes of a ticket.
    index('crm_changes_field').on(t.entity, t.field, t.entityId, t.at),
    index('crm_changes_bulk').on(t.bulkChangeId),
    index('crm_changes_import').on(t.importId),
  ],
);

/** One bulk change of CRM tickets (SPEC section 16): who, when, what, how many, and its undo. */
export const bulkChanges = sqliteTable(
  'bulk_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
    /** What changed (lib/crm/bulk/change.ts `BulkChange`). */
    change: text('change', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Tickets selected. */
    ticketCount: integer('ticket_count').notNull(),
    /** Of them, tickets whose value changed (the others already held the target). */
    changedCount: integer('changed_count').notNull(),
    undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
    undoneById: integer('undone_by_id').references(() => users.id),
    /** What the undo did: restored and skipped counts, the skipped tickets' last editors. */
    undoReport: text('undo_report', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('bulk_changes_at').on(t.at)],
);

/**
 * A ticket a bulk change changed: its values before (ids, so that undo restores exactly what was there
 * whatever was renamed since) and the versions the change left, by which undo tells it was changed since.
 */
export const bulkChangeTickets = sqliteTable(
  'bulk_change_tickets',
  {
    bulkChangeId: integer('bulk_change_id')
      .notNull()
      .references(() => bulkChanges.id, { onDelete: 'cascade' }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The changed fields' values before, as ids and plain values (JSON object). */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    crmVersion: integer('crm_version').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulkChangeId, t.ticketId] })],
);

export const queries = sqliteTable(
  'queries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    /** The saved ticket-list URL parameters, as a query string (`status=open&crm=on`). */
    params: text('params').notNull().default(''),
    ...editable,
  },
  (t) => [index('queries_owner').on(t.ownerId, t.position)],
);

export const exportTemplates = sqliteTable(
  'export_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entity: text('entity', { enum: EXPORT_ENTITIES }).notNull(),
    name: text('name').notNull(),
    columns: text('columns', { mode: 'json' }).$type<string[]>().notNull(),
    ...editable,
  },
  (t) => [uniqueIndex('export_templates_owner_name').on(t.ownerId, t.entity, t.name)],
);

/**
 * An uploaded import file, kept between its dry run and its apply (SPEC section 18) so that both work
 * without JavaScript: the dry run's page and the apply name it by id. Only its owner reads it; old
 * uploads are removed when the owner uploads again.
 */
export const importUploads = sqliteTable(
  'import_uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entity: text('entity', { enum: EXPORT_ENTITIES }).notNull(),
    fileName: text('file_name').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('import_uploads_user').on(t.userId)],
);

/** An applied import (SPEC section 18): who, when, what file, how many of each; its undo. */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    entity: text('entity', { enum: EXPORT_ENTITIES }).notNull(),
    fileName: text('file_name').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
    /** Rows created, updated, unchanged and skipped, and entries created (JSON object). */
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
    undoneById: integer('undone_by_id').references(() => users.id),
    /** What the undo did and what it could not undo (JSON object). */
    undoReport: text('undo_report', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('imports_at').on(t.at)],
);

/**
 * A record an import created or updated: for an update its fields' values before (as stored: ids,
 * cents), and the versions the import left, by which undo tells whether it was changed since.
 */
export const importRecords = sqliteTable(
  'import_records',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    recordId: integer('record_id').notNull(),
    action: text('action', { enum: ['create', 'update'] }).notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
    version: integer('version').notNull(),
    crmVersion: integer('crm_version'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.recordId] })],
);

/** A user's saved mapping of a file's headers to columns, per entity (SPEC section 18). */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entity: text('entity', { enum: EXPORT_ENTITIES }).notNull(),
    name: text('name').notNull(),
    /** Header → column key or null (lib/import/parse/headers.ts importMappingSchema). */
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string | null>>().notNull(),
    ...editable,
  },
  (t) => [uniqueIndex('import_mappings_owner_name').on(t.userId, t.entity, t.name)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Partner = typeof partners.$inferSelect;
export type NewPartner = typeof partners.$inferInsert;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type Ticket = typeof tickets.$inferSelect;
export type NewTicket = typeof tickets.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type CrmChange = typeof crmChanges.$inferSelect;
export type BulkChangeRow = typeof bulkChanges.$inferSelect;
export type SavedQuery = typeof queries.$inferSelect;
export type CompanySize = typeof companySizes.$inferSelect;
export type RevenueGroup = typeof revenueGroups.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type Attribute = typeof attributes.$inferSelect;
