// The pipeline of the demo data (SPEC section 14), planned as the large seed plans it
// (large-pipeline.ts): expected close dates over the past six and the next twelve months,
// Verlustgründe on lost deals, and the Verlauf behind slippage and calibration. Drawn from a random
// stream of its own, so the rest of the demo stays as it was.
import { eq, isNotNull } from 'drizzle-orm';
import { crmChanges, tickets } from '@/db/schema';
import { berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { dayNumber, pipelineLookups, planPipeline } from './large-pipeline';
import type { SeededLookups, SeedTx } from './lookups';
import type { Random } from './random';

type PipelineContext = { lookups: SeededLookups; crmUserIds: number[]; now: number };

/** Pipeline values and their Verlauf for every seeded ticket with CRM values; call before the CRM stamps are set. */
export function seedPipeline(tx: SeedTx, random: Random, { lookups, crmUserIds, now }: PipelineContext): void {
  const plan = pipelineLookups(lookups);
  const clock = { now, today: dayNumber(berlinIsoDate(now)) };
  const rows = tx
    .select({ id: tickets.id, enabled: tickets.crmEnabled, statusId: tickets.crmStatusId, activatedAt: tickets.crmActivatedAt })
    .from(tickets)
    .where(isNotNull(tickets.crmActivatedAt))
    .all();
  for (const row of rows) {
    const pipeline = planPipeline(random, plan, { statusId: row.statusId, activatedAt: row.activatedAt!.getTime() }, clock);
    const { statusId, probability, expectedClose, lostReasonId } = pipeline;
    tx.update(tickets).set({ crmStatusId: statusId, probability, expectedClose, lostReasonId }).where(eq(tickets.id, row.id)).run();
    // A ticket whose CRM was switched off again keeps its values, but its Verlauf is not the point here.
    if (!row.enabled || pipeline.history.length === 0) continue;
    const userId = random.pick(crmUserIds);
    tx.insert(crmChanges)
      .values(
        pipeline.history.map(({ field, oldValue, newValue, at }) => ({
          entity: 'ticket' as const,
          entityId: row.id,
          field,
          oldValue,
          newValue,
          userId,
          at: new Date(at),
        })),
      )
      .run();
  }
}
