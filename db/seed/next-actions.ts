// The next actions of generated CRM tickets (SPEC section 17), so "Meine Wiedervorlagen", the badges
// and the at-risk totals have data on first start and at any size. Pure: the caller writes them.
//
// - Three in four open tickets have one: a fifth of those overdue (up to three weeks), some today, a
//   third within the next week, the rest up to two months ahead; two in five with a time of day.
// - One in ten won or lost tickets has one (an onboarding call, a later offer), within the next month.
import { isoDay } from './large-pipeline';
import type { Random } from './random';

const TEXTS = [
  'Angebot nachfassen',
  'Rückruf zum Budget',
  'Demo-Termin vorbereiten',
  'Vertragsentwurf zusenden',
  'Entscheider anrufen',
  'Referenzkunden nennen',
  'Testzugang verlängern',
  'Einwände klären',
];
const OPEN_WITH_ACTION = 0.75;
const DECIDED_WITH_ACTION = 0.1;
const WITH_TIME = 0.4;

export type PlannedNextAction = { at: string; text: string };

const two = (value: number) => String(value).padStart(2, '0');

/** The next action of a ticket (decided: won or lost) on the calendar day number `today`; null for none. */
export function planNextAction(random: Random, decided: boolean, today: number): PlannedNextAction | null {
  if (!random.chance(decided ? DECIDED_WITH_ACTION : OPEN_WITH_ACTION)) return null;
  const draw = random.next();
  const offset = decided
    ? random.int(1, 30)
    : draw < 0.2
      ? -random.int(1, 21)
      : draw < 0.35
        ? 0
        : draw < 0.65
          ? random.int(1, 7)
          : random.int(8, 60);
  const day = isoDay(today + offset);
  const at = random.chance(WITH_TIME) ? `${day}T${two(random.int(8, 17))}:${random.pick(['00', '15', '30', '45'])}` : day;
  return { at, text: random.pick(TEXTS) };
}
