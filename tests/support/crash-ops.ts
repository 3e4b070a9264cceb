// What the crash writer (crash-writer.ts) tells the crash test, one JSON object per stdout line:
// `begin` with the whole intended write (and the state it starts from) right before the mutation is
// called, `commit` only after the mutation returned ok. A write between the two was in flight when killed.

/** A ticket's CRM panel as the history records it: entry names, plain numbers. */
export type TicketCrmValues = {
  crmStatus: string | null;
  lostReason: string | null;
  probability: number | null;
  potentialCents: number | null;
  expectedUsers: number | null;
  campaigns: string[];
  products: string[];
};

/** The part of a partner's CRM tab the writer changes; everything else is saved as it was. */
export type PartnerCrmValues = { newsletter: boolean; comment1: string; campaigns: string[]; products: string[] };

export type CrashOp =
  | { kind: 'createTicket'; title: string; partnerId: number; contactId: number }
  | { kind: 'saveTicketCrm'; ticketId: number; fromVersion: number; before: TicketCrmValues; after: TicketCrmValues; newProducts: string[] }
  | { kind: 'createPartner'; name: string; city: string }
  | { kind: 'savePartnerCrm'; partnerId: number; fromVersion: number; before: PartnerCrmValues; after: PartnerCrmValues }
  | { kind: 'updateContact'; contactId: number; fromVersion: number; before: ContactValues; after: ContactValues }
  | { kind: 'reorderQueries'; ownerId: number; fromIds: number[]; ids: number[] }
  | { kind: 'reorderStatuses'; fromIds: number[]; ids: number[] };

export type ContactValues = { phone: string; position: string };

export type CrashOpKind = CrashOp['kind'];

/** What a create handed out (absent for edits). */
export type CrashResult = { id: number; number?: string; gpid?: number };

export type CrashLine =
  { type: 'ready'; pid: number } | { type: 'begin'; seq: number; op: CrashOp } | { type: 'commit'; seq: number; result?: CrashResult };

/**
 * The complete lines of a writer's output. A trailing fragment (a line cut by the kill) is not a
 * report; lines are short enough for the pipe to take each write whole, so none is expected.
 */
export function parseCrashLines(output: string): CrashLine[] {
  const complete = output.slice(0, output.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as CrashLine);
}
