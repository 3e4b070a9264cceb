// The pipeline of one generated CRM ticket (SPEC sections 14 and 15): its CRM status and chance, its
// expected close, its Verlustgrund and the Verlauf that led there, so forecast, slippage and
// calibration have data at any size. Pure: the caller inserts the values and the changes.
//
// - Open tickets close from six months ago (overdue) to a year ahead; won and lost ones were decided
//   in the last six months, on their expected close. About a tenth has no date.
// - A quarter of the open tickets with a date moved it later one to three times.
// - A won or lost ticket's Verlauf shows the chance it had when it entered that status; it wins
//   a little less often than that chance says (85 % of it), as estimates tend to be optimistic. The
//   chance then becomes 100 or 0 a minute after the status.
// - History values are stored as the app stores them: status and reason names, numbers as digits,
//   dates as `YYYY-MM-DD`; `at` increases within a ticket and stays before `now`.
import type { SeededLookups } from './lookups';
import type { Random } from './random';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HALF_YEAR_DAYS = 182;
const YEAR_DAYS = 365;
/** Share of CRM tickets without an expected close. */
const NO_DATE = 0.1;
/** Share of open tickets with a date whose date slipped. */
const SLIPPED = 0.25;
/** Share of the other open tickets that carry a Verlauf. */
const OPEN_HISTORY = 0.6;
const LOST_WITH_REASON = 0.85;
/** Over-confidence: a ticket with chance p wins with probability p × this. */
const WIN_FACTOR = 0.85;

export type HistoryField = 'crmStatus' | 'probability' | 'expectedClose' | 'lostReason';
export type HistoryEntry = { field: HistoryField; oldValue: string | null; newValue: string | null; at: number };

export type TicketPipeline = {
  /** Won or lost. */
  decided: boolean;
  statusId: number | null;
  probability: number | null;
  expectedClose: string | null;
  lostReasonId: number | null;
  /** Oldest first, `at` strictly increasing. */
  history: HistoryEntry[];
};

export type PipelineLookups = {
  openIds: number[];
  wonIds: number[];
  lostIds: number[];
  lostReasonIds: number[];
  statusName: Map<number, string>;
  reasonName: Map<number, string>;
};

export function pipelineLookups(lookups: SeededLookups): PipelineLookups {
  const statuses = lookups.crmTicketStatuses;
  const closed = new Set([...statuses.wonIds, ...statuses.lostIds]);
  const invert = (byName: Map<string, number>) => new Map([...byName].map(([name, id]) => [id, name]));
  return {
    openIds: statuses.ids.filter((id) => !closed.has(id)),
    wonIds: statuses.wonIds,
    lostIds: statuses.lostIds,
    lostReasonIds: lookups.lostReasons.ids,
    statusName: invert(statuses.byName),
    reasonName: invert(lookups.lostReasons.byName),
  };
}

/** A calendar day (days since 1970-01-01) as `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Today's calendar day number from today's `YYYY-MM-DD` (the caller's time zone decides what today is). */
export function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY;
}

/** `count` strictly increasing instants in [from, to] (to at least `count` ms after from). */
function instants(random: Random, count: number, from: number, to: number): number[] {
  const end = Math.max(to, from + count);
  const times = Array.from({ length: count }, () => from + Math.floor(random.next() * (end - from))).sort((a, b) => a - b);
  for (let i = 1; i < count; i++) times[i] = Math.max(times[i], times[i - 1] + 1);
  return times;
}

const percent = (random: Random) => random.int(1, 19) * 5;
const text = (value: number | null) => (value === null ? null : String(value));

/** An open status earlier in the admin order than `statusId`, or null when there is none. */
function earlierOpen(random: Random, lookups: PipelineLookups, statusId: number): number | null {
  const before = lookups.openIds.slice(0, Math.max(0, lookups.openIds.indexOf(statusId)));
  return before.length > 0 ? random.pick(before) : null;
}

/**
 * The pipeline of a CRM ticket whose generated status is `statusId` (null, open, won or lost: a won or
 * lost one is decided anew from its chance), activated at `activatedAt`.
 */
export function planPipeline(
  random: Random,
  lookups: PipelineLookups,
  ticket: { statusId: number | null; activatedAt: number },
  clock: { now: number; today: number },
): TicketPipeline {
  // An archived status that is neither won nor lost stays open.
  const decided = ticket.statusId !== null && (lookups.wonIds.includes(ticket.statusId) || lookups.lostIds.includes(ticket.statusId));
  return decided ? decidedPipeline(random, lookups, ticket.activatedAt, clock) : openPipeline(random, lookups, ticket, clock);
}

function decidedPipeline(
  random: Random,
  lookups: PipelineLookups,
  activatedAt: number,
  clock: { now: number; today: number },
): TicketPipeline {
  const chance = percent(random);
  const won = random.chance((chance / 100) * WIN_FACTOR);
  const statusId = random.pick(won ? lookups.wonIds : lookups.lostIds);
  const lostReasonId = !won && random.chance(LOST_WITH_REASON) ? random.pick(lookups.lostReasonIds) : null;
  // Decided in the last six months (and after the activation where that leaves room), ten minutes
  // before now at the latest so the chance and reason entries that follow stay in the past.
  const latest = clock.now - 10 * MINUTE;
  const earliest = Math.min(latest, Math.max(activatedAt + DAY, clock.now - HALF_YEAR_DAYS * DAY));
  const decidedAt = earliest + Math.floor(random.next() * (latest - earliest));
  const decidedDay = Math.min(clock.today, Math.floor(decidedAt / DAY));
  const expectedClose = random.chance(NO_DATE) ? null : isoDay(decidedDay);

  // The way there: one or two open statuses, the chance rising to what it was at the decision.
  const path = [random.pick(lookups.openIds)];
  const later = lookups.openIds.slice(lookups.openIds.indexOf(path[0]) + 1);
  if (later.length > 0 && random.chance(0.6)) path.push(random.pick(later));
  const firstChance = path.length > 1 ? Math.max(5, chance - random.int(0, 4) * 5) : chance;
  const [start, ...steps] = instants(random, path.length, Math.min(activatedAt, decidedAt - path.length), decidedAt - 1);
  const history: HistoryEntry[] = [
    { field: 'crmStatus', oldValue: null, newValue: lookups.statusName.get(path[0])!, at: start },
    { field: 'probability', oldValue: null, newValue: text(firstChance), at: start + 1 },
  ];
  if (expectedClose !== null) history.push({ field: 'expectedClose', oldValue: null, newValue: expectedClose, at: start + 2 });
  if (path.length > 1) {
    history.push({
      field: 'crmStatus',
      oldValue: lookups.statusName.get(path[0])!,
      newValue: lookups.statusName.get(path[1])!,
      at: steps[0],
    });
    if (firstChance !== chance)
      history.push({ field: 'probability', oldValue: text(firstChance), newValue: text(chance), at: steps[0] + 1 });
  }
  const final = won ? 100 : 0;
  history.push(
    { field: 'crmStatus', oldValue: lookups.statusName.get(path.at(-1)!)!, newValue: lookups.statusName.get(statusId)!, at: decidedAt },
    { field: 'probability', oldValue: text(chance), newValue: text(final), at: decidedAt + MINUTE },
  );
  if (lostReasonId !== null) {
    history.push({ field: 'lostReason', oldValue: null, newValue: lookups.reasonName.get(lostReasonId)!, at: decidedAt + 2 * MINUTE });
  }
  return { decided: true, statusId, probability: final, expectedClose, lostReasonId, history: strictlyIncreasing(history) };
}

function openPipeline(
  random: Random,
  lookups: PipelineLookups,
  ticket: { statusId: number | null; activatedAt: number },
  clock: { now: number; today: number },
): TicketPipeline {
  const probability = random.chance(0.85) ? percent(random) : null;
  const hasDate = !random.chance(NO_DATE);
  const closeDay = clock.today + random.int(-HALF_YEAR_DAYS, YEAR_DAYS);
  const expectedClose = hasDate ? isoDay(closeDay) : null;
  const slips = hasDate && random.chance(SLIPPED) ? random.int(1, 3) : 0;
  const pipeline = { decided: false, statusId: ticket.statusId, probability, expectedClose, lostReasonId: null };
  if (slips === 0 && !random.chance(OPEN_HISTORY)) return { ...pipeline, history: [] };

  // The dates it had, oldest first: each slip moved it 1 to 8 weeks later.
  const days = [closeDay];
  for (let i = 0; i < slips; i++) days.unshift(days[0] - random.int(7, 56));
  const earlier = ticket.statusId === null ? null : random.chance(0.5) ? earlierOpen(random, lookups, ticket.statusId) : null;
  const firstChance = probability === null ? null : random.chance(0.5) ? Math.max(5, probability - random.int(1, 4) * 5) : probability;

  type Event = Omit<HistoryEntry, 'at'>;
  const start: Event[] = [];
  const steps: Event[] = [];
  if (ticket.statusId !== null) {
    const name = lookups.statusName.get(ticket.statusId)!;
    if (earlier === null) start.push({ field: 'crmStatus', oldValue: null, newValue: name });
    else {
      const earlierName = lookups.statusName.get(earlier)!;
      start.push({ field: 'crmStatus', oldValue: null, newValue: earlierName });
      steps.push({ field: 'crmStatus', oldValue: earlierName, newValue: name });
    }
  }
  if (probability !== null) {
    start.push({ field: 'probability', oldValue: null, newValue: text(firstChance) });
    if (firstChance !== probability) steps.push({ field: 'probability', oldValue: text(firstChance), newValue: text(probability) });
  }
  if (hasDate) {
    start.push({ field: 'expectedClose', oldValue: null, newValue: isoDay(days[0]) });
    for (let i = 1; i < days.length; i++) steps.push({ field: 'expectedClose', oldValue: isoDay(days[i - 1]), newValue: isoDay(days[i]) });
  }
  if (start.length === 0) return { ...pipeline, history: [] };
  // A slip and a status step are separate edits in random order, the slips in their own order.
  const ordered = shuffleKeepingFieldOrder(random, steps);
  const times = instants(random, 1 + ordered.length, ticket.activatedAt, clock.now - MINUTE);
  const history = [
    ...start.map((event, index) => ({ ...event, at: times[0] + index })),
    ...ordered.map((event, index) => ({ ...event, at: times[index + 1] })),
  ];
  return { ...pipeline, history: strictlyIncreasing(history) };
}

/** The events interleaved at random, each field's own events kept in their order. */
function shuffleKeepingFieldOrder<T extends { field: string }>(random: Random, events: T[]): T[] {
  const queues = new Map<string, T[]>();
  for (const event of events) queues.set(event.field, [...(queues.get(event.field) ?? []), event]);
  const result: T[] = [];
  while (queues.size > 0) {
    const field = random.pick([...queues.keys()]);
    const queue = queues.get(field)!;
    result.push(queue.shift()!);
    if (queue.length === 0) queues.delete(field);
  }
  return result;
}

/** Entries made at the same moment (start + 1, + 2) may meet a later one: push each past its predecessor. */
function strictlyIncreasing(history: HistoryEntry[]): HistoryEntry[] {
  for (let i = 1; i < history.length; i++)
    if (history[i].at <= history[i - 1].at) history[i] = { ...history[i], at: history[i - 1].at + 1 };
  return history;
}
