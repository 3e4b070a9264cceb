'use client';
// The board's moves (SPEC section 16): one action state for every card's "Verschieben nach" form, so
// its answer stays above the board while the moved card re-renders in its new column. With JavaScript
// a card is also dragged (sortablejs) between columns: the drop submits the card's own form with the
// target column, and the board re-renders from the server (columns, cards and totals). Sortable's own
// DOM move is undone, because React owns the DOM.
import { useRouter } from 'next/navigation';
import { createContext, useActionState, useContext, useEffect, useRef } from 'react';
import Sortable from 'sortablejs';
import { ActionMessages } from '@/components/ui/action-messages';
import type { ActionState } from '@/lib/action';

export type MoveTarget = { value: string; label: string; lost?: true };

export type BoardMoveContext = {
  dispatch: (formData: FormData) => void;
  state: ActionState;
  pending: boolean;
  column: string;
  targets: MoveTarget[];
  lostReasons: { id: number; name: string }[];
  words: { moveTo: string; move: string; lostReason: string; chooseLostReason: string };
};

const MoveContext = createContext<BoardMoveContext | null>(null);

export function useBoardMoves(): BoardMoveContext {
  const context = useContext(MoveContext);
  if (!context) throw new Error('useBoardMoves outside BoardMoves');
  return context;
}

export function BoardMoves({
  action,
  column,
  targets,
  lostReasons,
  words,
  label,
  children,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  column: string;
  targets: MoveTarget[];
  lostReasons: { id: number; name: string }[];
  words: BoardMoveContext['words'];
  label: string;
  children: React.ReactNode;
}) {
  const [state, dispatch, pending] = useActionState(action, {});
  const router = useRouter();
  const boardRef = useRef<HTMLDivElement>(null);

  // A refused move (stale, or the ticket changed meanwhile): show every card where it now is.
  useEffect(() => {
    if (state.ok === false) router.refresh();
  }, [state, router]);

  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const lists = [...board.querySelectorAll<HTMLElement>('[data-cards]')];
    const sortables = lists.map((list) =>
      Sortable.create(list, {
        group: 'board',
        draggable: '[data-card]',
        filter: 'select, button, input, a, label',
        preventOnFilter: false,
        animation: 150,
        onEnd(event) {
          const { item, from, to, oldIndex } = event;
          if (from === to || oldIndex === undefined) return;
          to.removeChild(item);
          from.insertBefore(item, from.children[oldIndex] ?? null);
          const form = item.querySelector('form');
          const select = form?.elements.namedItem('target');
          if (!form || !(select instanceof HTMLSelectElement) || to.dataset.cards === undefined) return;
          select.value = to.dataset.cards;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          form.requestSubmit();
        },
      }),
    );
    return () => sortables.forEach((sortable) => sortable.destroy());
  }, []);

  return (
    <MoveContext.Provider value={{ dispatch, state, pending, column, targets, lostReasons, words }}>
      <div aria-live="polite">
        <ActionMessages state={state} />
      </div>
      <div ref={boardRef} className="board" aria-label={label} role="region">
        {children}
      </div>
    </MoveContext.Provider>
  );
}
