'use client';
// React reorders a list by moving its items in the DOM, and the browser drops the focus of a moved
// element, as it does of a button that disappears at the list's edge. So that keyboard users keep
// their place, this puts the focus back once the list has changed: on the same control of the same
// item if it is still there, else on the item's first control of the same kind (the other arrow at
// either end of the list; the new grouping level after "+ field").
import { useEffect, useRef, type RefObject } from 'react';

type Focused = { item: string; tag: string; name: string };

const nameOf = (element: Element) => element.getAttribute('aria-label') ?? element.textContent ?? '';

/** `itemAttribute` marks the items (`data-id`); `version` changes whenever their order does. */
export function useKeepFocus(containerRef: RefObject<HTMLElement | null>, itemAttribute: string, version: string): void {
  const focused = useRef<Focused | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const remember = (event: FocusEvent) => {
      const target = event.target as Element;
      const item = target.closest(`[${itemAttribute}]`);
      focused.current = item ? { item: item.getAttribute(itemAttribute) ?? '', tag: target.tagName, name: nameOf(target) } : null;
    };
    // A pointer (a drag by the handle, a click elsewhere) leaves no focus to keep; a click on a
    // control focuses it, and so is remembered again.
    const forget = () => {
      focused.current = null;
    };
    container.addEventListener('focusin', remember);
    document.addEventListener('pointerdown', forget);
    return () => {
      container.removeEventListener('focusin', remember);
      document.removeEventListener('pointerdown', forget);
    };
  }, [containerRef, itemAttribute]);

  useEffect(() => {
    const container = containerRef.current;
    const wanted = focused.current;
    const active = document.activeElement;
    // Only a lost focus is put back; one the user has moved on stays where it is.
    if (!container || !wanted || (active && active !== document.body)) return;
    const item = [...container.querySelectorAll(`[${itemAttribute}]`)].find(
      (element) => element.getAttribute(itemAttribute) === wanted.item,
    );
    const controls = [...(item?.querySelectorAll<HTMLElement>(wanted.tag) ?? [])].filter(
      (element) => !element.hidden && element.tabIndex >= 0 && !element.matches(':disabled'),
    );
    (controls.find((element) => nameOf(element) === wanted.name) ?? controls[0])?.focus();
  }, [containerRef, itemAttribute, version]);
}
