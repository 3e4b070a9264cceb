'use client';
// The cards of one board column (SPEC section 16): number (link), title, partner, Umsatzpotenzial and
// Abschlusschance, Voraussichtlicher Abschluss, and the card's "Verschieben nach" select and button in
// the board's move form — the keyboard's and the no-JavaScript way to move it, and what a drop presses.
// A target of phase lost asks for the Verlustgrund: at once with JavaScript, after the refused first
// try without it.
import Link from 'next/link';
import { useState } from 'react';
import type { CardRow } from '@/lib/crm/board/present';
import type { FollowupWords } from '@/lib/crm/followups/words';
import { FollowupBadges } from '../followup-badges';
import { reasonField, targetField } from '@/lib/crm/board/fields';
import { MOVE_FORM, useBoardMoves } from './board-moves';

export function BoardCards({
  value,
  label,
  cards,
  followup,
  className,
}: {
  value: string;
  label: string;
  cards: CardRow[];
  /** The follow-up badges' words, once per column. */
  followup: FollowupWords;
  className?: string;
}) {
  return (
    <ol className={className} data-cards={value} aria-label={label}>
      {cards.map((card) => (
        <Card key={card[0]} card={card} current={value} followup={followup} />
      ))}
    </ol>
  );
}

function Card({ card, current, followup }: { card: CardRow; current: string; followup: FollowupWords }) {
  const [id, number, title, partner, figures, close, , next] = card;
  return (
    <li data-card={id}>
      <p>
        <Link href={`/tickets/${id}`}>{number}</Link>
        {` ${title}`}
      </p>
      {partner && <p>{partner}</p>}
      <p>
        {figures}
        {close && ` · ${close}`}
      </p>
      {/* SPEC section 17: the next action's state and, for a stale deal, how long. */}
      <p>
        <FollowupBadges state={next[0]} staleDays={next[1]} words={followup} />
      </p>
      <MoveControls card={card} current={current} />
    </li>
  );
}

function MoveControls({ card, current }: { card: CardRow; current: string }) {
  const [id, , , , , , value] = card;
  const { state, pending, targets, lostReasons, words } = useBoardMoves();
  const mine = state.ok === false && state.values?.card === value;
  const sent = mine ? state.values?.[targetField(id)] : undefined;
  const sentTarget = typeof sent === 'string' ? sent : undefined;
  const choices = targets.filter((target) => target.value !== current);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (choices.length === 0) return null;
  const selected = chosen ?? sentTarget ?? choices[0].value;
  const askReason = targets.some((target) => target.lost && target.value === selected);
  const reasonError = mine ? state.fieldErrors?.lostReasonId : undefined;
  return (
    <div>
      <select
        key={sentTarget}
        form={MOVE_FORM}
        name={targetField(id)}
        aria-label={words.moveTo}
        defaultValue={sentTarget}
        onChange={(event) => setChosen(event.target.value)}
      >
        {choices.map((target) => (
          <option key={target.value} value={target.value}>
            {target.label}
          </option>
        ))}
      </select>
      {(askReason || reasonError) && (
        <label>
          {words.lostReason}
          <select
            form={MOVE_FORM}
            name={reasonField(id)}
            defaultValue=""
            aria-invalid={reasonError ? true : undefined}
            autoFocus={Boolean(reasonError)}
          >
            <option value="">{words.chooseLostReason}</option>
            {lostReasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button form={MOVE_FORM} name="card" value={value} disabled={pending}>
        {words.move}
      </button>
    </div>
  );
}
