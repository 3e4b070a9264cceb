'use client';
// A list reordered by drag and drop (sortablejs). The server renders each item; this leaf only
// keeps the order, and saves a new one through a server action. Items carry their own buttons
// as the keyboard and no-JavaScript alternative.
import { startTransition, useActionState, useEffect, useOptimistic, useRef } from 'react';
import Sortable from 'sortablejs';
import type { ActionState } from '@/lib/action';

type Item = { id: number | string; node: React.ReactNode };

export function SortableList({
  items,
  save,
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
  const [state, saveAction] = useActionState(save, {});
  const [order, setOptimisticOrder] = useOptimistic(items.map((item) => String(item.id)));
  const orderRef = useRef(order);
  useEffect(() => {
    orderRef.current = order;
  }, [order]);

  useEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const sortable = Sortable.create(element, {
      handle: '[data-drag-handle]',
      animation: 150,
      onEnd(event) {
        const { oldIndex, newIndex, item, from } = event;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        // Undo Sortable's own DOM move: React owns the DOM and renders the new order itself.
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        const next = [...orderRef.current];
        const [moved] = next.splice(oldIndex, 1);
        next.splice(newIndex, 0, moved);
        const formData = new FormData();
        for (const [key, value] of Object.entries(fields ?? {})) formData.append(key, value);
        for (const id of next) formData.append('ids', id);
        startTransition(() => {
          setOptimisticOrder(next);
          saveAction(formData);
        });
      },
    });
    return () => sortable.destroy();
  }, [fields, saveAction, setOptimisticOrder]);

  const byId = new Map(items.map((item) => [String(item.id), item]));
  return (
    <>
      {state.error && (
        <p className="alert alert-error" role="alert">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p className="alert alert-ok" role="status">
          {state.message}
        </p>
      )}
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
