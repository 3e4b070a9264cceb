// The pipeline of the demo data (SPEC section 14), planned as the large seed plans it
// (large-pipeline.ts): expected close dates over the past six and the next twelve months,
// Verlustgründe on lost deals, and the Verlauf behind slippage and calibration. Drawn from a random
// stream of its own, so the rest of the demo stays as it was.
import { eq, isNotNull } from 'drizzle-orm';
import { crmChanges, tickets } from '@/db/schema';
import { berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { dayNumber, pipelineLookups, planPipeline } from './large-pipeline';
import { planNextAction } from './next-actions';
import type { SeededLookups, SeedTx } from './lookups';
import type { Random } from './random';

type PipelineContext = { lookups: SeededLookups; crmUserIds: number[]; now: number };

/** Share of the open deals with an action ahead whose chance was revised lately. */
const RECENTLY_WORKED = 0.8;

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

/**
 * Next actions around today for the CRM-enabled tickets (SPEC section 17), from a random stream of their
 * own; call after seedPipeline, which decides which tickets are won or lost, and before the CRM stamps are
 * set. Most open deals with an action still ahead were worked on lately (their chance revised in the last
 * ten days), so the stale ones stand out rather than make up the pipeline.
 */
export function seedNextActions(tx: SeedTx, random: Random, { lookups, crmUserIds, now }: PipelineContext): void {
  const closed = new Set([...lookups.crmTicketStatuses.wonIds, ...lookups.crmTicketStatuses.lostIds]);
  const today = dayNumber(berlinIsoDate(now));
  const rows = tx
    .select({ id: tickets.id, statusId: tickets.crmStatusId, probability: tickets.probability })
    .from(tickets)
    .where(eq(tickets.crmEnabled, true))
    .orderBy(tickets.id)
    .all();
  for (const row of rows) {
    const decided = row.statusId !== null && closed.has(row.statusId);
    const action = planNextAction(random, decided, today);
    if (!action) continue;
    tx.update(tickets).set({ nextActionAt: action.at, nextActionText: action.text }).where(eq(tickets.id, row.id)).run();
    const ahead = action.at.slice(0, 10) >= berlinIsoDate(now);
    if (decided || !ahead || row.probability === null || !random.chance(RECENTLY_WORKED)) continue;
    const probability = Math.min(95, Math.max(5, row.probability + random.pick([-5, 5])));
    tx.update(tickets).set({ probability }).where(eq(tickets.id, row.id)).run();
    tx.insert(crmChanges)
      .values({
        entity: 'ticket',
        entityId: row.id,
        field: 'probability',
        oldValue: String(row.probability),
        newValue: String(probability),
        userId: random.pick(crmUserIds),
        at: new Date(now - random.int(1, 10 * 24 * 60) * 60_000),
      })
      .run();
  }
}
