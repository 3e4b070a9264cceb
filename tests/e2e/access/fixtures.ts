// Fresh records for one call of the access matrix, written straight to the e2e database: each action
// gets a record it can really change (or delete), so an allowed caller's call is seen to change data.
import { e2eDb, unique } from '../support';

type Db = ReturnType<typeof e2eDb>;
type Versioned = { id: number; version: number };

function inserted(db: Db, sql: string, ...values: (string | number | Buffer | null)[]): Versioned {
  return { id: Number(db.prepare(sql).run(...values).lastInsertRowid), version: 1 };
}

/** A partner without contacts and tickets (so it may be deleted), with the next free GPID. */
export function freshPartner(db: Db): Versioned {
  const gpid = (db.prepare('select max(gpid) from partners').pluck().get() as number) + 1;
  return inserted(db, 'insert into partners (gpid, name) values (?, ?)', gpid, unique('Matrix Partner'));
}

/** A contact of no partner, named by no ticket. */
export function freshContact(db: Db): Versioned {
  return inserted(db, 'insert into contacts (last_name) values (?)', unique('Matrix Kontakt'));
}

/** An open ticket without Bearbeiter for an existing partner; its number cannot collide with the counter's `T-000123`. */
export function freshTicket(db: Db, crm: { enabled: boolean }): Versioned & { partnerId: number } {
  const partnerId = db.prepare('select min(id) from partners').pluck().get() as number;
  const ticket = inserted(
    db,
    'insert into tickets (number, title, partner_id, crm_enabled) values (?, ?, ?, ?)',
    unique('M'),
    unique('Matrix Ticket'),
    partnerId,
    crm.enabled ? 1 : 0,
  );
  return { ...ticket, partnerId };
}

/** An unused product at the end of the list. */
export function freshProduct(db: Db): Versioned {
  const position = db.prepare('select coalesce(max(position) + 1, 0) from products').pluck().get() as number;
  return inserted(db, 'insert into products (name, position) values (?, ?)', unique('Matrix Produkt'), position);
}

/** The product ids in the administration's order. */
export function productOrder(db: Db): number[] {
  return db.prepare('select id from products order by position, id').pluck().all() as number[];
}

/** A query at the end of the user's ticket board. */
export function freshQuery(db: Db, ownerId: number, params = 'status=open'): Versioned & { name: string } {
  const position = db.prepare('select coalesce(max(position) + 1, 0) from queries where owner_id = ?').pluck().get(ownerId) as number;
  const name = unique('Matrix Abfrage');
  return {
    ...inserted(db, 'insert into queries (owner_id, name, params, position) values (?, ?, ?, ?)', ownerId, name, params, position),
    name,
  };
}

/** The user's query ids in board order. */
export function queryOrder(db: Db, ownerId: number): number[] {
  return db.prepare('select id from queries where owner_id = ? order by position, id').pluck().all(ownerId) as number[];
}

export function freshExportTemplate(db: Db, ownerId: number): Versioned {
  return inserted(
    db,
    `insert into export_templates (owner_id, entity, name, columns) values (?, 'partners', ?, '["gpid","name"]')`,
    ownerId,
    unique('Matrix Vorlage'),
  );
}

/** A plain active user (no sign-in needed: only administered). */
export function freshUser(db: Db): Versioned {
  return inserted(
    db,
    `insert into users (email, name, password_hash) values (?, 'Matrix Benutzer', '!')`,
    `${unique('matrix-target')}@example.com`,
  );
}

/** The two ids swapped: the smallest change of an order. */
export function swapLastTwo(ids: number[]): number[] {
  const order = [...ids];
  order.splice(-2, 2, order[order.length - 1], order[order.length - 2]);
  return order;
}

/** A bulk change of one fresh CRM ticket's Abschlusschance (none → 40), as lib/crm/bulk/apply.ts leaves it: undoable. */
export function freshBulkChange(db: Db): { id: number } {
  const ticket = freshTicket(db, { enabled: true });
  const userId = db.prepare('select min(id) from users').pluck().get() as number;
  const { id } = inserted(
    db,
    `insert into bulk_changes (user_id, change, ticket_count, changed_count) values (?, '{"kind":"probability","probability":40}', 1, 1)`,
    userId,
  );
  db.prepare(`update tickets set probability = 40, crm_version = crm_version + 1 where id = ?`).run(ticket.id);
  db.prepare(
    `insert into bulk_change_tickets (bulk_change_id, ticket_id, before, crm_version, version)
     select ?, id, '{"probability":null}', crm_version, version from tickets where id = ?`,
  ).run(id, ticket.id);
  return { id };
}

/** An upload of the user's: a partner file with one new partner. */
export function freshImportUpload(db: Db, userId: number): number {
  const file = `Name;PLZ;Ort\r\n${unique('Matrix Import')};10115;Berlin\r\n`;
  return inserted(
    db,
    "insert into import_uploads (user_id, entity, file_name, bytes) values (?, 'partners', 'matrix.csv', ?)",
    userId,
    Buffer.from(file, 'utf8'),
  ).id;
}

/** An applied import of the user's that created nothing, not undone. */
export function freshImport(db: Db, userId: number): number {
  return inserted(
    db,
    "insert into imports (user_id, entity, file_name, counts) values (?, 'partners', 'matrix.csv', ?)",
    userId,
    JSON.stringify({ create: 0, update: 0, unchanged: 1, skip: 0, entries: 0, crmChanges: 0 }),
  ).id;
}
