'use client';
// A card's "Verschieben nach" form (SPEC section 16): the keyboard's and the no-JavaScript way to move
// it, and what a drop submits. It carries the versions the card was drawn with. A target of phase lost
// asks for the Verlustgrund: at once with JavaScript, after the refused first try without it.
import { useState } from 'react';
import { useBoardMoves } from './board-moves';

export function MoveForm({ id, version, crmVersion, current }: { id: number; version: number; crmVersion: number; current: string }) {
  const { dispatch, state, pending, column, targets, lostReasons, words } = useBoardMoves();
  const mine = state.ok === false && state.values?.id === String(id);
  const sentTarget = mine && typeof state.values?.target === 'string' ? state.values.target : undefined;
  const choices = targets.filter((target) => target.value !== current);
  const [chosen, setChosen] = useState(sentTarget ?? choices[0]?.value ?? '');
  const [seen, setSeen] = useState(sentTarget);
  // A refused move of this card names its target again (and asks for what was missing).
  if (sentTarget !== seen) {
    setSeen(sentTarget);
    if (sentTarget) setChosen(sentTarget);
  }
  if (choices.length === 0) return null;
  const askReason = targets.some((target) => target.lost && target.value === chosen);
  const reasonError = mine ? state.fieldErrors?.lostReasonId : undefined;
  return (
    <form action={dispatch} className="board-move">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="crmVersion" value={crmVersion} />
      <input type="hidden" name="column" value={column} />
      <select name="target" aria-label={words.moveTo} title={words.moveTo} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {choices.map((target) => (
          <option key={target.value} value={target.value}>
            {target.label}
          </option>
        ))}
      </select>
      {(askReason || reasonError) && (
        <label className="board-reason">
          {words.lostReason}
          <select
            name="lostReasonId"
            defaultValue=""
            required
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
      <button type="submit" className="button button-small" disabled={pending}>
        {words.move}
      </button>
    </form>
  );
}
