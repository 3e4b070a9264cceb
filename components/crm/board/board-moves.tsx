'use client';
// The board's moves (SPEC section 16). One form for the whole board: each card's select and button
// belong to it (lib/crm/board/schemas.ts), so its answer stays above the board while the moved card
// re-renders in its new column, and a page of hundreds of cards carries one form. With JavaScript a
// card is also dragged (sortablejs) between columns: the drop presses the card's own button with the
// target column chosen, and the board re-renders from the server (columns, cards and totals).
// Sortable's own DOM move is undone, because React owns the DOM.
import { useRouter } from 'next/navigation';
import { createContext, useActionState, useContext, useEffect, useRef } from 'react';
import Sortable from 'sortablejs';
import { ActionMessages } from '@/components/ui/action-messages';
import type { ActionState } from '@/lib/action';

export const MOVE_FORM = 'mv';

export type MoveTarget = { value: string; label: string; lost?: true };

export type BoardMoveContext = {
  state: ActionState;
  pending: boolean;
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

  // The card last moved: its select keeps the focus when it re-renders in another column.
  const movedCard = useRef<string | null>(null);
  const onClickCapture = (event: React.MouseEvent<HTMLDivElement>) => {
    const button = (event.target as HTMLElement).closest('button[name="card"]');
    if (button instanceof HTMLButtonElement) movedCard.current = button.value.split('.')[0];
  };

  useEffect(() => {
    // A refused move (stale, or the ticket changed meanwhile): show every card where it now is.
    if (state.ok === false) router.refresh();
    const id = movedCard.current;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (id && lost) boardRef.current?.querySelector<HTMLSelectElement>(`[data-card="${id}"] select`)?.focus();
  }, [state, router]);

  // The columns drawn now: after a move the server may have added or removed one.
  const layout = targets.map((target) => target.value).join(',');
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
          const select = item.querySelector<HTMLSelectElement>('select');
          const button = item.querySelector<HTMLButtonElement>('button[name="card"]');
          const form = document.getElementById(MOVE_FORM);
          const target = to.dataset.cards;
          if (!select || !button || !(form instanceof HTMLFormElement) || target === undefined) return;
          select.value = target;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          movedCard.current = button.value.split('.')[0];
          form.requestSubmit(button);
        },
      }),
    );
    // Says that cards can be dragged now (browser tests wait for it).
    board.dataset.sortable = 'on';
    return () => sortables.forEach((sortable) => sortable.destroy());
  }, [layout]);

  return (
    <MoveContext.Provider value={{ state, pending, targets, lostReasons, words }}>
      <form id={MOVE_FORM} action={dispatch}>
        <input type="hidden" name="column" value={column} />
      </form>
      <div aria-live="polite">
        <ActionMessages state={state} />
      </div>
      <div ref={boardRef} className="board" aria-label={label} role="region" onClickCapture={onClickCapture}>
        {children}
      </div>
    </MoveContext.Provider>
  );
}
