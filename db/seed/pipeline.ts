// The pipeline of the demo data (SPEC section 14): expected close dates over the past six and the next
// twelve months, Verlustgründe on lost deals, and the Verlauf behind slippage and calibration: dates
// moved later, and the Abschlusschance a deal had before it was won or lost (a little over-confident,
// as sales teams are). Drawn from a random stream of its own, so the rest of the demo stays as it was.
import { eq, isNotNull, sql } from 'drizzle-orm';
import { crmChanges, crmTicketStatuses, tickets } from '@/db/schema';
import type { LookupIds, SeededLookups, SeedTx } from './lookups';
import type { Random } from './random';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a UTC timestamp. */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A day `days` after `from`'s (negative: before). */
function shiftDay(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T12:00:00Z`) + days * DAY);
}

/**
 * The Abschlusschance a deal carried before it was decided, given how it ended: drawn so that deals
 * stated at p % win somewhat less often than p % (actual share ≈ (p/100)^1.3).
 */
export function chanceBeforeDecision(random: Random, won: boolean): number {
  for (;;) {
    const chance = random.int(1, 19) * 5;
    const wins = (chance / 100) ** 1.3;
    if (random.chance(won ? wins : 1 - wins)) return chance;
  }
}

/** An open deal's expected close: a fifth overdue (up to six months), the rest within the next twelve months. */
export function openCloseDate(random: Random, today: string): string {
  return random.chance(0.2) ? shiftDay(today, -random.int(1, 180)) : shiftDay(today, random.int(0, 365));
}

/** A decided deal's close: within the past six months. */
export function decidedCloseDate(random: Random, today: string): string {
  return shiftDay(today, -random.int(0, 180));
}

/** The dates a deal's expected close had before `current`, oldest first: each slip moved it 2–8 weeks later. */
export function earlierCloseDates(random: Random, current: string, slips: number): string[] {
  const dates: string[] = [];
  let date = current;
  for (let slip = 0; slip < slips; slip++) {
    date = shiftDay(date, -random.int(14, 56));
    dates.unshift(date);
  }
  return dates;
}

const nameOf = (list: LookupIds, id: number | null): string | null =>
  id === null ? null : ([...list.byName].find(([, entryId]) => entryId === id)?.[0] ?? null);

type PipelineContext = { lookups: SeededLookups; crmUserIds: number[]; now: number };

/** Expected close dates, lost reasons and their Verlauf for the seeded CRM tickets; call before the CRM stamps are set. */
export function seedPipeline(tx: SeedTx, random: Random, { lookups, crmUserIds, now }: PipelineContext): void {
  const today = isoDay(now);
  const phaseOf = new Map(
    tx
      .select({ id: crmTicketStatuses.id, phase: crmTicketStatuses.phase })
      .from(crmTicketStatuses)
      .all()
      .map((row) => [row.id, row.phase]),
  );
  const rows = tx
    .select({
      id: tickets.id,
      enabled: tickets.crmEnabled,
      statusId: tickets.crmStatusId,
      activatedAt: tickets.crmActivatedAt,
      lastChange: sql<
        number | null
      >`(select max(${crmChanges.at}) from ${crmChanges} where ${crmChanges.entity} = 'ticket' and ${crmChanges.entityId} = ${tickets.id})`,
    })
    .from(tickets)
    .where(isNotNull(tickets.crmActivatedAt))
    .all();
  const statusNames = lookups.crmTicketStatuses;
  const negotiation = 'Verhandlung';
  for (const row of rows) {
    const phase = row.statusId === null ? 'open' : (phaseOf.get(row.statusId) ?? 'open');
    const decided = phase !== 'open';
    const hasDate = random.chance(decided ? 0.95 : 0.9);
    const close = hasDate ? (decided ? decidedCloseDate(random, today) : openCloseDate(random, today)) : null;
    const lostReasonId = phase === 'lost' && random.chance(0.85) ? random.pick(lookups.lostReasons.ids) : null;
    tx.update(tickets).set({ expectedClose: close, lostReasonId }).where(eq(tickets.id, row.id)).run();
    if (!row.enabled) continue;

    // The Verlauf: every decided deal, and two in five open ones with a date.
    if (!decided && (close === null || !random.chance(0.4))) continue;
    const userId = random.pick(crmUserIds);
    const start = Math.max(row.activatedAt!.getTime(), row.lastChange ?? 0);
    let at = Math.min(start + DAY, now - 3 * DAY);
    const change = (field: string, oldValue: string | null, newValue: string | null) =>
      tx
        .insert(crmChanges)
        .values({ entity: 'ticket', entityId: row.id, field, oldValue, newValue, userId, at: new Date(at) })
        .run();
    const later = () => {
      at = Math.min(now - DAY, at + random.int(1, 10) * DAY);
    };

    const slips = close === null ? 0 : random.pick([0, 0, 1, 1, 2, 3]);
    const dates = close === null ? [] : [...earlierCloseDates(random, close, slips), close];
    const chance = decided ? chanceBeforeDecision(random, phase === 'won') : null;
    if (chance !== null) {
      change('probability', null, String(Math.max(5, chance - 20)));
      later();
      change('probability', String(Math.max(5, chance - 20)), String(chance));
    }
    for (const [index, date] of dates.entries()) {
      change('expectedClose', index === 0 ? null : dates[index - 1], date);
      later();
    }
    if (decided) {
      // The deciding save: status, chance and reason at once.
      const status = nameOf(statusNames, row.statusId);
      change('crmStatus', negotiation, status);
      change('probability', String(chance), phase === 'won' ? '100' : '0');
      if (lostReasonId !== null) change('lostReason', null, nameOf(lookups.lostReasons, lostReasonId));
    }
  }
}
