'use client';
// The ordered grouping levels. Every change is a link to the view's URL, so it works without
// JavaScript (and keeps the back button); with JavaScript the levels can also be dragged.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import Sortable from 'sortablejs';

export type GroupingLevel = { key: string; label: string };

type Labels = { title: string; hint: string; up: string; down: string; remove: string; add: string; none: string; max: string };

function hrefFor(baseQuery: string, order: string[]): string {
  const search = new URLSearchParams(baseQuery);
  search.set('groupBy', order.length > 0 ? order.join(',') : 'none');
  return `/crm?${search.toString()}`;
}

const fill = (template: string, field: string) => template.replace('{field}', field);

export function GroupingEditor({ levels, available, baseQuery, maxLevels, labels }: { levels: GroupingLevel[]; available: GroupingLevel[]; baseQuery: string; maxLevels: number; labels: Labels }) {
  const router = useRouter();
  const listRef = useRef<HTMLOListElement>(null);
  const order = levels.map((level) => level.key);
  const orderKey = order.join(',');

  useEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const current = orderKey.split(',').filter(Boolean);
    const sortable = Sortable.create(element, {
      handle: '[data-drag-handle]',
      animation: 150,
      onEnd(event) {
        const { oldIndex, newIndex, item, from } = event;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        // Put the element back: React renders the new order once the URL has changed.
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        const next = [...current];
        const [moved] = next.splice(oldIndex, 1);
        next.splice(newIndex, 0, moved);
        router.push(hrefFor(baseQuery, next), { scroll: false });
      },
    });
    return () => sortable.destroy();
  }, [orderKey, baseQuery, router]);

  const move = (index: number, delta: number) => {
    const next = [...order];
    [next[index], next[index + delta]] = [next[index + delta], next[index]];
    return hrefFor(baseQuery, next);
  };

  return (
    <section className="grouping" aria-labelledby="grouping-title">
      <h2 id="grouping-title">{labels.title}</h2>
      <p className="muted small">{labels.hint}</p>
      {levels.length === 0 ? (
        <p>{labels.none}</p>
      ) : (
        <ol ref={listRef} className="grouping-levels" aria-label={labels.title}>
          {levels.map((level, index) => (
            <li key={level.key} data-key={level.key} className="grouping-level">
              <span data-drag-handle className="drag-handle" aria-hidden="true">
                ⠿
              </span>
              <span className="grouping-label">{level.label}</span>
              {index > 0 && (
                <Link href={move(index, -1)} scroll={false} className="icon-link" aria-label={fill(labels.up, level.label)}>
                  ←
                </Link>
              )}
              {index < levels.length - 1 && (
                <Link href={move(index, 1)} scroll={false} className="icon-link" aria-label={fill(labels.down, level.label)}>
                  →
                </Link>
              )}
              <Link href={hrefFor(baseQuery, order.filter((key) => key !== level.key))} scroll={false} className="icon-link" aria-label={fill(labels.remove, level.label)}>
                ×
              </Link>
            </li>
          ))}
        </ol>
      )}
      {levels.length < maxLevels ? (
        <ul className="grouping-available">
          {available.map((level) => (
            <li key={level.key}>
              <Link href={hrefFor(baseQuery, [...order, level.key])} scroll={false} className="chip" aria-label={fill(labels.add, level.label)}>
                + {level.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{labels.max}</p>
      )}
    </section>
  );
}
