'use client';
// The ordered grouping levels. Every change is a link to the view's URL, so it works without
// JavaScript (and keeps the back button); with JavaScript the levels can also be dragged.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef } from 'react';
import { useKeepFocus } from '@/components/ui/use-keep-focus';
import { useSortableOrder } from '@/components/ui/use-sortable-order';

export type GroupingLevel = { key: string; label: string };

type Labels = { title: string; hint: string; up: string; down: string; remove: string; add: string; none: string; max: string };

function hrefFor(baseQuery: string, order: string[]): string {
  const search = new URLSearchParams(baseQuery);
  search.set('groupBy', order.length > 0 ? order.join(',') : 'none');
  return `/crm?${search.toString()}`;
}

const fill = (template: string, field: string) => template.replace('{field}', field);

export function GroupingEditor({
  levels,
  available,
  baseQuery,
  maxLevels,
  labels,
}: {
  levels: GroupingLevel[];
  available: GroupingLevel[];
  baseQuery: string;
  maxLevels: number;
  labels: Labels;
}) {
  const router = useRouter();
  const listRef = useRef<HTMLOListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const order = levels.map((level) => level.key);

  const navigate = useCallback((next: string[]) => router.push(hrefFor(baseQuery, next), { scroll: false }), [router, baseQuery]);
  useSortableOrder(listRef, order, navigate);
  // A field's controls keep the focus as it moves, enters or leaves the grouping.
  useKeepFocus(sectionRef, 'data-key', order.join(','));

  const move = (index: number, delta: number) => {
    const next = [...order];
    [next[index], next[index + delta]] = [next[index + delta], next[index]];
    return hrefFor(baseQuery, next);
  };

  return (
    <section ref={sectionRef} className="grouping" aria-labelledby="grouping-title">
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
              <Link
                href={hrefFor(
                  baseQuery,
                  order.filter((key) => key !== level.key),
                )}
                scroll={false}
                className="icon-link"
                aria-label={fill(labels.remove, level.label)}
              >
                ×
              </Link>
            </li>
          ))}
        </ol>
      )}
      {levels.length < maxLevels ? (
        <ul className="grouping-available">
          {available.map((level) => (
            <li key={level.key} data-key={level.key}>
              <Link
                href={hrefFor(baseQuery, [...order, level.key])}
                scroll={false}
                className="chip"
                aria-label={fill(labels.add, level.label)}
              >
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
