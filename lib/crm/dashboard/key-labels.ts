// Groups whose ids are keys the product defines rather than records: the ticket status, the phase,
// the month and the quarter of the expected close. How such an id is read from a URL, named and ordered.
import { PHASES, TICKET_STATUSES } from '@/db/schema';
import type { MessageKey, Translate } from '@/lib/i18n';
import { NEXT_ACTION_STATES } from '../followups/clock';
import type { LabelSource } from '../properties';

export type KeyKind = 'ticketStatus' | 'phase' | 'month' | 'quarter' | 'nextAction';

export function isKeyKind(source: LabelSource): source is { kind: KeyKind } {
  return (
    source.kind === 'ticketStatus' ||
    source.kind === 'phase' ||
    source.kind === 'month' ||
    source.kind === 'quarter' ||
    source.kind === 'nextAction'
  );
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whether `value` is an id of the kind (from a URL). */
export function isKeyId(kind: KeyKind, value: string): boolean {
  switch (kind) {
    case 'ticketStatus':
      return (TICKET_STATUSES as readonly string[]).includes(value);
    case 'phase':
      return (PHASES as readonly string[]).includes(value);
    case 'month':
      return MONTH.test(value);
    case 'quarter':
      return QUARTER.test(value);
    case 'nextAction':
      return (NEXT_ACTION_STATES as readonly string[]).includes(value);
  }
}

/** Whether the kind has an empty group: only dates can be missing. */
export function keyKindHasEmpty(kind: KeyKind): boolean {
  return kind === 'month' || kind === 'quarter';
}

/** "Dezember 2026" / "December 2026" for `2026-12`. */
export function monthLabel(month: string, t: Translate): string {
  const match = MONTH.exec(month);
  return match ? `${t(`dashboard.month.${Number(match[2])}` as MessageKey)} ${match[1]}` : month;
}

/** The label of an id of the kind, in the reader's language. */
export function keyLabel(kind: KeyKind, id: string, t: Translate): string {
  switch (kind) {
    case 'ticketStatus':
      return (TICKET_STATUSES as readonly string[]).includes(id) ? t(`ticketStatus.${id as 'open'}`) : id;
    case 'phase':
      return (PHASES as readonly string[]).includes(id) ? t(`crm.phase.${id as 'open'}`) : id;
    case 'month':
      return monthLabel(id, t);
    case 'quarter': {
      const match = QUARTER.exec(id);
      return match ? `Q${match[2]} ${match[1]}` : id;
    }
    case 'nextAction':
      return (NEXT_ACTION_STATES as readonly string[]).includes(id) ? t(`followups.state.${id as 'none'}`) : id;
  }
}

/** The sort position of an id: the product's order for statuses, phases and next-action states, chronological for dates. */
export function keyOrder(kind: KeyKind, id: string): number | string {
  switch (kind) {
    case 'ticketStatus':
      return (TICKET_STATUSES as readonly string[]).indexOf(id);
    case 'phase':
      return (PHASES as readonly string[]).indexOf(id);
    case 'nextAction':
      return (NEXT_ACTION_STATES as readonly string[]).indexOf(id);
    case 'month':
    case 'quarter':
      return id;
  }
}

/** The ids of a kind in order, where they are a fixed set (statuses, phases, next-action states); null for dates. */
export function fixedKeys(kind: KeyKind): readonly string[] | null {
  if (kind === 'nextAction') return NEXT_ACTION_STATES;
  return kind === 'ticketStatus' ? TICKET_STATUSES : kind === 'phase' ? PHASES : null;
}
