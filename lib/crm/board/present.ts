// A board card as the reader sees it, formatted on the server in the user's language and handed to
// the card list (a client leaf) as a short tuple: a board carries hundreds of cards.
import type { Formatter } from '@/lib/i18n';
import type { TicketRow } from '../dashboard/present';
import type { BoardCard } from './read';
import { cardValue } from './fields';

export type CardRow = [
  id: number,
  number: string,
  title: string,
  partner: string,
  /** "200.000,00 € · 95 %" ('—' for what is not set). */
  figures: string,
  /** The Voraussichtlicher Abschluss as shown, '' when none. */
  close: string,
  /** The move button's value: the id and the versions the card was drawn with. */
  card: string,
  /** The follow-up badges (SPEC section 17); their words come once per column. */
  followup: TicketRow[9],
];

const DASH = '—';

export function presentCard(card: BoardCard, format: Formatter): CardRow {
  const potential = card.potentialCents === null ? DASH : format.money(card.potentialCents);
  const probability = card.probability === null ? DASH : format.percent(card.probability);
  return [
    card.id,
    card.number,
    card.title,
    card.partner ?? '',
    `${potential} · ${probability}`,
    card.expectedClose ? format.calendarDate(card.expectedClose) : '',
    cardValue(card),
    [card.followup.state, card.followup.staleDays],
  ];
}
