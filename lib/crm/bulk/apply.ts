import 'server-only';
// Applies a bulk change (SPEC section 16) in one transaction: the selected CRM tickets whose value
// differs from the target get it, their CRM version and stamp (and for the Bearbeiter, master data, their
// own version and stamp too), one Verlauf entry per changed field marked with the bulk change, and a
// row in bulk_change_tickets with their values before and the versions the change left, for undo.
// Tickets that already hold the target are counted apart and left alone.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { bulkChangeTickets, bulkChanges, crmChanges, tickets } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { valueContext } from '../dashboard/filter-sql';
import type { BulkChange } from './change';
import { bulkChangeProblem } from './checks';
import { selectedTicketIds, type BulkSelection } from './selection';
import { fillIds, run, SELECTION, TARGET, TARGET_ID, HISTORY_COLUMNS } from './sql';
import { bare, bridgeNames, changeTargets, historyValue, holdsEntry, type ChangeTargets } from './targets';

export type BulkApplyInput = {
  selection: BulkSelection;
  change: BulkChange;
  /** The count the confirmation showed. */ expectedCount: number;
};
export type BulkApplied = { id: number; ticketCount: number; changedCount: number };

/** A selected ticket differs from the target (SQLite's `is not` compares nulls too). */
function differs(targets: ChangeTargets): SQL {
  if (targets.bridge) {
    const holds = holdsEntry(targets.bridge, sql`${tickets.id}`);
    return targets.bridge.add ? sql`not ${holds}` : holds;
  }
  return sql.join(
    targets.scalars.map((target) => sql`${target.column} is not ${target.target}`),
    sql` or `,
  );
}

function beforeJson(targets: ChangeTargets): SQL {
  if (targets.scalars.length === 0) return sql`json_object()`;
  return sql`json_object(${sql.join(
    targets.scalars.map((target) => sql`${target.column.name}, ${target.column}`),
    sql`, `,
  )})`;
}

export function applyBulkChange(db: Db, user: SessionUser, input: BulkApplyInput): MutationResult<BulkApplied> {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const problem = bulkChangeProblem(tx, input.change);
    if (problem) return problem;
    const ticketCount = fillIds(tx, SELECTION, selectedTicketIds(input.selection, valueContext(db.$client)));
    if (ticketCount === 0) return { ok: false, error: 'bulk.error.empty' };
    if (ticketCount !== input.expectedCount) return { ok: false, error: 'bulk.error.countChanged', params: { count: ticketCount } };

    const at = new Date();
    const id = tx
      .insert(bulkChanges)
      .values({ userId: user.id, at, change: input.change, ticketCount, changedCount: 0 })
      .returning({ id: bulkChanges.id })
      .get().id;
    const changedCount = changeTickets(tx, changeTargets(input.change), { id, userId: user.id, at });
    tx.update(bulkChanges).set({ changedCount }).where(eq(bulkChanges.id, id)).run();
    return { ok: true, data: { id, ticketCount, changedCount } };
  });
}

function changeTickets(tx: Tx, targets: ChangeTargets, mark: { id: number; userId: number; at: Date }): number {
  const inTarget = sql`${tickets.id} in (select id from ${TARGET})`;
  const changed = fillIds(
    tx,
    TARGET,
    sql`select ${tickets.id} from ${tickets} where ${tickets.id} in (select id from ${SELECTION}) and (${differs(targets)})`,
  );
  if (changed === 0) return 0;
  const at = mark.at.getTime();

  run(
    tx,
    sql`insert into ${bulkChangeTickets} (${bare(bulkChangeTickets.bulkChangeId)}, ${bare(bulkChangeTickets.ticketId)}, ${bare(bulkChangeTickets.before)}, ${bare(bulkChangeTickets.crmVersion)}, ${bare(bulkChangeTickets.version)})
      select ${mark.id}, ${tickets.id}, ${beforeJson(targets)}, ${tickets.crmVersion} + 1, ${tickets.version} + ${targets.master ? 1 : 0}
      from ${tickets} where ${inTarget}`,
  );

  // The Verlauf: one entry per ticket and field that changes.
  for (const target of targets.scalars) {
    run(
      tx,
      sql`insert into ${crmChanges} ${HISTORY_COLUMNS}
        select 'ticket', ${tickets.id}, ${target.field}, ${historyValue(target, sql`${target.column}`)}, ${historyValue(target, sql`${target.target}`)}, ${mark.userId}, ${at}, ${mark.id}, 0
        from ${tickets} where ${inTarget} and ${target.column} is not ${target.target}`,
    );
  }
  const bridge = targets.bridge;
  if (bridge) {
    run(
      tx,
      sql`insert into ${crmChanges} ${HISTORY_COLUMNS}
        select 'ticket', id, ${bridge.field}, ${bridgeNames(bridge, TARGET_ID)}, null, ${mark.userId}, ${at}, ${mark.id}, 0 from ${TARGET}`,
    );
    if (bridge.add)
      run(tx, sql`insert into ${bridge.table} (${bare(bridge.owner)}, ${bare(bridge.entry)}) select id, ${bridge.entryId} from ${TARGET}`);
    else
      run(tx, sql`delete from ${bridge.table} where ${bridge.entry} = ${bridge.entryId} and ${bridge.owner} in (select id from ${TARGET})`);
    run(
      tx,
      sql`update ${crmChanges} set ${bare(crmChanges.newValue)} = ${bridgeNames(bridge, sql`${crmChanges.entityId}`)}
        where ${crmChanges.bulkChangeId} = ${mark.id} and ${crmChanges.bulkUndo} = 0`,
    );
  }

  const sets = [...targets.scalars.map((target) => sql`${bare(target.column)} = ${target.target}`), ...stampSets(targets, mark.userId, at)];
  run(tx, sql`update ${tickets} set ${sql.join(sets, sql`, `)} where ${inTarget}`);
  return changed;
}

/** The CRM version and stamp of every changed ticket; for master data (Bearbeiter) its own too. */
export function stampSets(targets: ChangeTargets, userId: number, at: number): SQL[] {
  const sets = [
    sql`${bare(tickets.crmVersion)} = ${bare(tickets.crmVersion)} + 1`,
    sql`${bare(tickets.crmUpdatedAt)} = ${at}`,
    sql`${bare(tickets.crmUpdatedById)} = ${userId}`,
  ];
  if (targets.master)
    sets.push(
      sql`${bare(tickets.version)} = ${bare(tickets.version)} + 1`,
      sql`${bare(tickets.updatedAt)} = ${at}`,
      sql`${bare(tickets.updatedById)} = ${userId}`,
    );
  return sets;
}
