// "Saves are never lost": after a load phase, every save the server answered with "Gespeichert."
// must be in the database. Each accepted save wrote a potential no other save wrote, so it must
// appear in the ticket's CRM history, and each ticket must hold the potential of its last accepted
// save (its user saved it in sequence; nobody else wrote it).
import Database from 'better-sqlite3';

export type AcceptedSave = { ticketId: number; potentialCents: number };

/** The newest CRM history entry now: the check reads only what was written after it. */
export function lastHistoryId(file: string): number {
  const db = new Database(file, { readonly: true });
  const id = db.prepare('select coalesce(max(id), 0) from crm_changes').pluck().get() as number;
  db.close();
  return id;
}

export type SavesKept = { accepted: number; lost: number; tickets: number; wrongFinalValue: number };

export function checkSavesKept(file: string, sinceHistoryId: number, accepted: AcceptedSave[]): SavesKept {
  const db = new Database(file, { readonly: true });
  const inHistory = db
    .prepare("select 1 from crm_changes where id > ? and entity = 'ticket' and entity_id = ? and field = 'potential' and new_value = ?")
    .pluck();
  const potential = db.prepare('select potential_cents from tickets where id = ?').pluck();
  const lost = accepted.filter((save) => inHistory.get(sinceHistoryId, save.ticketId, String(save.potentialCents)) === undefined).length;
  const last = new Map(accepted.map((save) => [save.ticketId, save.potentialCents]));
  const wrongFinalValue = [...last].filter(([ticketId, cents]) => potential.get(ticketId) !== cents).length;
  db.close();
  return { accepted: accepted.length, lost, tickets: last.size, wrongFinalValue };
}
