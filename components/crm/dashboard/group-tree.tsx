'use client';
// The group tree: every group a <details> (collapsible without JavaScript) with its five figures
// in the summary. A leaf shows its tickets when the page brought them (a small tree, or the group
// the URL opened); otherwise opening it loads them (loadDashboardGroupAction), and without
// JavaScript its link opens the same view with that group expanded (`open=`).
// Plain strings in (lib/crm/dashboard/present.ts): a few bytes per group, however many groups.
import { useState, useTransition, type CSSProperties } from 'react';
import { loadDashboardGroupAction } from '@/app/(app)/crm/actions';
import type { Figures, TicketRow, TreeGroup } from '@/lib/crm/dashboard/present';
import type { FollowupWords } from '@/lib/crm/followups/words';
import { StatusSwatch } from '../status-badge';
import { DashboardTicketTable, type TicketColumns } from './ticket-table';

export type GroupTreeWords = {
  figures: Figures;
  /** The phases' names, open, won, lost. */
  phases: string[];
  columns: TicketColumns;
  /** The tickets' follow-up badges. */
  followup: FollowupWords;
  /** "gefährdet: {figures}" (SPEC section 17). */
  atRisk: string;
  showTickets: string;
  loading: string;
  failed: string;
  /** "{shown} von {total} Tickets angezeigt." */
  moreTickets: string;
  showAll: string;
  closeGroup: string;
  /** "Alle {count} Tickets ändern": the group's bulk change (/crm/changes/new). */
  bulkChange: string;
};

type Context = { view: string; open: boolean; words: GroupTreeWords };

/** The anchor of the group the URL opened, so the page starts there. */
export const OPEN_GROUP_ANCHOR = 'open';

/** A link to the view with more parameters; relative and with plain commas, since a page holds hundreds. */
function viewHref(view: string, extra: Record<string, string>): string {
  const search = new URLSearchParams(view);
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  const query = search.toString().replaceAll('%2C', ',');
  return query ? `?${query}` : '/crm';
}

type Loaded = { rows: TicketRow[]; more: boolean };

function Leaf({
  group,
  loaded,
  pending,
  error,
  context,
}: {
  group: TreeGroup;
  loaded: Loaded | null;
  pending: boolean;
  error: string | null;
  context: Context;
}) {
  const { words, view } = context;
  if (!loaded) {
    return (
      <>
        {pending && (
          <p className="group-more" role="status">
            {words.loading}
          </p>
        )}
        {error && (
          <p className="group-more alert-error" role="alert">
            {error}
          </p>
        )}
        <a href={`${viewHref(view, { open: group.path })}#${OPEN_GROUP_ANCHOR}`}>{words.showTickets}</a>
      </>
    );
  }
  return (
    <>
      <DashboardTicketTable rows={loaded.rows} columns={words.columns} followup={words.followup} caption={group.label} />
      {loaded.more && (
        <p className="group-more">
          {words.moreTickets.replace('{shown}', String(loaded.rows.length)).replace('{total}', group.figures[0])}{' '}
          <a href={viewHref(view, { open: group.path, view: 'list' })}>{words.showAll}</a>
        </p>
      )}
      <p className="group-more">
        <a href={`/crm/changes/new${viewHref(view, { open: group.path })}`}>{words.bulkChange.replace('{count}', group.figures[0])}</a>
      </p>
      {group.expanded && (
        <p className="group-more">
          <a href={viewHref(view, {})}>{words.closeGroup}</a>
        </p>
      )}
    </>
  );
}

function Group({ group, depth, context }: { group: TreeGroup; depth: number; context: Context }) {
  const [loaded, setLoaded] = useState<Loaded | null>(group.tickets ? { rows: group.tickets, more: Boolean(group.more) } : null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const leaf = !group.groups;
  const load = (event: React.SyntheticEvent<HTMLDetailsElement>) => {
    if (!leaf || loaded || pending || !event.currentTarget.open) return;
    setError(null);
    startTransition(async () => {
      const answer = await loadDashboardGroupAction(
        new URLSearchParams([...new URLSearchParams(context.view), ['open', group.path]]).toString(),
      ).catch(() => null);
      if (answer?.ok) setLoaded({ rows: answer.rows, more: answer.more });
      else setError(answer?.error ?? context.words.failed);
    });
  };
  // A leaf opens by itself only with its tickets at hand; an unloaded one loads when the reader opens it.
  const open = group.expanded || (leaf ? Boolean(group.tickets) && context.open : context.open);
  return (
    <li>
      <details open={open} onToggle={load} id={leaf && group.expanded ? OPEN_GROUP_ANCHOR : undefined}>
        <summary>
          <span className="group-label">
            <StatusSwatch color={group.color} />
            {group.label}
          </span>
          {group.figures.map((figure, index) => (
            <span key={index}>{figure}</span>
          ))}
          {/* At risk (SPEC section 17): the words say it, the danger colour repeats it. */}
          {group.risk && <em className="badge followup-overdue">{context.words.atRisk.replace('{figures}', group.risk)}</em>}
          {/* Open, won, lost by position (named in CSS); a phase without tickets is an empty, hidden <i>. */}
          {group.phases && (
            <small>
              {group.phases.map((figure, index) => (
                <i key={index}>{figure}</i>
              ))}
            </small>
          )}
        </summary>
        {group.groups ? (
          <GroupList groups={group.groups} depth={depth + 1} context={context} />
        ) : (
          <Leaf group={group} loaded={loaded} pending={pending} error={error} context={context} />
        )}
      </details>
    </li>
  );
}

function GroupList({ groups, depth, context }: { groups: TreeGroup[]; depth: number; context: Context }) {
  return (
    <ul className={`group-list depth-${depth}`}>
      {groups.map((group) => (
        <Group key={group.path} group={group} depth={depth} context={context} />
      ))}
    </ul>
  );
}

/**
 * The figures' names stand once on the tree (CSS custom properties) and before each figure via
 * `::before`, so that a tree of hundreds of groups does not repeat them five times each in the page.
 */
export function GroupTree({ groups, view, open, words }: { groups: TreeGroup[]; view: string; open: boolean; words: GroupTreeWords }) {
  const names = Object.fromEntries([
    ...words.figures.map((name, index) => [`--figure-${index + 1}`, JSON.stringify(`${name} `)]),
    ...words.phases.map((name, index) => [`--phase-${index + 1}`, JSON.stringify(`${name} `)]),
  ]) as CSSProperties;
  return (
    <div className="group-tree" style={names}>
      <GroupList groups={groups} depth={0} context={{ view, open, words }} />
    </div>
  );
}
