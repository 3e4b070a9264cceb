import 'server-only';
// Undoes a bulk change once (any `crm` user may, as any may edit those tickets): every ticket it changed
// and nobody changed since (its CRM version, and for the Bearbeiter its own version, still the ones the
// bulk change left) gets its previous values back, with Verlauf entries marked as the undo of that
// change; the others are skipped and reported by who changed them last. One transaction, set-based.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bulkChangeTickets, bulkChanges, crmChanges, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import type { BulkChange } from './change';
import { fillIds, run, TARGET, TARGET_ID, HISTORY_COLUMNS } from './sql';
import { stampSets } from './apply';
import { bare, bridgeNames, changeTargets, historyValue, holdsEntry } from './targets';

export type UndoReport = {
  restored: number;
  /** Changed since, by the named user (or by nobody known). */
  skipped: { name: string | null; count: number }[];
  /** Deleted since. */
  gone: number;
};

export function undoBulkChange(db: Db, user: SessionUser, input: { id: number }): MutationResult<UndoReport> {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const bulk = tx.select().from(bulkChanges).where(eq(bulkChanges.id, input.id)).get();
    if (!bulk) return { ok: false, error: 'notFound' };
    if (bulk.undoneAt) return { ok: false, error: 'bulk.error.alreadyUndone' };
    const targets = changeTargets(bulk.change as BulkChange);
    const ofThis = sql`${bulkChangeTickets.bulkChangeId} = ${bulk.id}`;
    const unchanged = sql`${tickets.crmVersion} = ${bulkChangeTickets.crmVersion}${targets.master ? sql` and ${tickets.version} = ${bulkChangeTickets.version}` : sql``}`;
    const restored = fillIds(
      tx,
      TARGET,
      sql`select ${tickets.id} from ${bulkChangeTickets} join ${tickets} on ${tickets.id} = ${bulkChangeTickets.ticketId} where ${ofThis} and ${unchanged}`,
    );
    const skipped = tx
      .all<{ name: string | null; count: number }>(
        sql`select ${users.name} as name, count(*) as count from ${bulkChangeTickets}
          join ${tickets} on ${tickets.id} = ${bulkChangeTickets.ticketId}
          left join ${users} on ${users.id} = case when ${tickets.crmVersion} <> ${bulkChangeTickets.crmVersion} then ${tickets.crmUpdatedById} else ${tickets.updatedById} end
          where ${ofThis} and not (${unchanged}) group by ${users.name} order by count(*) desc, ${users.name}`,
      )
      .map((row) => ({ name: row.name, count: Number(row.count) }));
    const kept = tx.get<{ n: number }>(sql`select count(*) as n from ${bulkChangeTickets} where ${ofThis}`)!.n;
    const report: UndoReport = { restored, skipped, gone: bulk.changedCount - kept };

    const at = Date.now();
    const inTarget = sql`${tickets.id} in (select id from ${TARGET})`;
    const before = (column: string) =>
      sql`(select json_extract(${bulkChangeTickets.before}, ${`$.${column}`}) from ${bulkChangeTickets} where ${ofThis} and ${bulkChangeTickets.ticketId} = ${tickets.id})`;
    if (restored > 0) {
      for (const target of targets.scalars) {
        const previous = before(target.column.name);
        run(
          tx,
          sql`insert into ${crmChanges} ${HISTORY_COLUMNS}
            select 'ticket', ${tickets.id}, ${target.field}, ${historyValue(target, sql`${target.column}`)}, ${historyValue(target, previous)}, ${user.id}, ${at}, ${bulk.id}, 1
            from ${tickets} where ${inTarget} and ${target.column} is not ${previous}`,
        );
      }
      const bridge = targets.bridge;
      if (bridge) {
        run(
          tx,
          sql`insert into ${crmChanges} ${HISTORY_COLUMNS}
            select 'ticket', id, ${bridge.field}, ${bridgeNames(bridge, TARGET_ID)}, null, ${user.id}, ${at}, ${bulk.id}, 1 from ${TARGET}`,
        );
        if (bridge.add)
          run(
            tx,
            sql`delete from ${bridge.table} where ${bridge.entry} = ${bridge.entryId} and ${bridge.owner} in (select id from ${TARGET})`,
          );
        else
          run(
            tx,
            sql`insert into ${bridge.table} (${bare(bridge.owner)}, ${bare(bridge.entry)}) select id, ${bridge.entryId} from ${TARGET} where not ${holdsEntry(bridge, TARGET_ID)}`,
          );
        run(
          tx,
          sql`update ${crmChanges} set ${bare(crmChanges.newValue)} = ${bridgeNames(bridge, sql`${crmChanges.entityId}`)}
            where ${crmChanges.bulkChangeId} = ${bulk.id} and ${crmChanges.bulkUndo} = 1`,
        );
      }
      const sets = [
        ...targets.scalars.map((target) => sql`${bare(target.column)} = ${before(target.column.name)}`),
        ...stampSets(targets, user.id, at),
      ];
      run(tx, sql`update ${tickets} set ${sql.join(sets, sql`, `)} where ${inTarget}`);
    }
    tx.update(bulkChanges)
      .set({ undoneAt: new Date(at), undoneById: user.id, undoReport: report })
      .where(and(eq(bulkChanges.id, bulk.id), isNull(bulkChanges.undoneAt)))
      .run();
    return { ok: true, data: report };
  });
}
