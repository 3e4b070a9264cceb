'use client';
// Drag and drop of a list's items by their `[data-drag-handle]` (sortablejs). Sortable's own DOM
// move is undone, because React owns the DOM: the caller gets the new order and renders it.
import { useEffect, useRef, type RefObject } from 'react';
import Sortable from 'sortablejs';

export function useSortableOrder(
  listRef: RefObject<HTMLElement | null>,
  order: readonly string[],
  onReorder: (next: string[]) => void,
): void {
  const latest = useRef({ order, onReorder });
  useEffect(() => {
    latest.current = { order, onReorder };
  }, [order, onReorder]);

  useEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const sortable = Sortable.create(element, {
      handle: '[data-drag-handle]',
      animation: 150,
      onEnd(event) {
        const { oldIndex, newIndex, item, from } = event;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        const next = [...latest.current.order];
        const [moved] = next.splice(oldIndex, 1);
        next.splice(newIndex, 0, moved);
        latest.current.onReorder(next);
      },
    });
    return () => sortable.destroy();
  }, [listRef]);
}
