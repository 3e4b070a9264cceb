'use client';
// A list reordered by drag and drop (sortablejs). The server renders each item; this leaf only
// keeps the order, and saves a new one through a server action. Items carry their own buttons
// as the keyboard and no-JavaScript alternative; the focus stays with a moved item.
import { startTransition, useActionState, useCallback, useOptimistic, useRef } from 'react';
import type { ActionState } from '@/lib/action';
import { ActionMessages } from './action-messages';
import { useKeepFocus } from './use-keep-focus';
import { useSortableOrder } from './use-sortable-order';

type Item = { id: number | string; node: React.ReactNode };

export function SortableList({
  items,
  save: saveOrder,
  fields,
  label,
  className = 'sortable-list',
}: {
  items: Item[];
  /** A server action receiving `ids` (in the new order) plus `fields`. */
  save: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields?: Record<string, string>;
  label: string;
  className?: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [state, saveAction] = useActionState(saveOrder, {});
  const [order, setOptimisticOrder] = useOptimistic(items.map((item) => String(item.id)));
  const save = useCallback(
    (next: string[]) => {
      const formData = new FormData();
      for (const [key, value] of Object.entries(fields ?? {})) formData.append(key, value);
      for (const id of next) formData.append('ids', id);
      startTransition(() => {
        setOptimisticOrder(next);
        saveAction(formData);
      });
    },
    [fields, saveAction, setOptimisticOrder],
  );
  useSortableOrder(listRef, order, save);
  useKeepFocus(listRef, 'data-id', order.join(','));

  const byId = new Map(items.map((item) => [String(item.id), item]));
  return (
    <>
      <ActionMessages state={state} />
      <ol ref={listRef} className={className} aria-label={label}>
        {order
          .map((id) => byId.get(id))
          .filter((item): item is Item => item !== undefined)
          .map((item) => (
            <li key={item.id} data-id={item.id}>
              {item.node}
            </li>
          ))}
      </ol>
    </>
  );
}

/** The grip an item is dragged by; a plain decorative element for pointer users. */
export function DragHandle({ label }: { label: string }) {
  return (
    <span data-drag-handle className="drag-handle" title={label} aria-hidden="true">
      ⠿
    </span>
  );
}
