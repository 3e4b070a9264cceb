import 'server-only';
// What /crm/changes/new shows, from its URL: the selection and its count; without a change (or with
// one that cannot be read) the forms to choose it, with the messages and the values sent; with a valid
// one the confirmation: the change in words, the count, how many already hold the value.
import type { Db } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { translateError, type Formatter, type Translate } from '@/lib/i18n';
import { readEntries } from '@/lib/lookups/queries';
import { listAssigneeChoices } from '@/lib/tickets/form-choices';
import { paramValues, type ParamProblem, type RawParams } from '@/lib/url-params';
import { fieldErrorsOf } from '@/lib/validation';
import { BULK_FIELDS, bulkChangeSchema, isBulkChangeKind, toBulkChange, type BulkChange, type BulkChangeKind } from './change';
import { bulkChangeProblem } from './checks';
import { describeBulkChange } from './describe';
import { countBulkSelection } from './queries';
import { parseBulkSelection, serialiseBulkSelection } from './selection';

type Option = { id: number; name: string };

export type BulkChangeOptions = {
  statuses: (Option & { lost: boolean })[];
  lostReasons: Option[];
  assignees: Option[];
  products: { add: Option[]; remove: Option[] };
  campaigns: { add: Option[]; remove: Option[] };
};

export type BulkNewPage =
  | { step: 'invalid'; problem: ParamProblem }
  | { step: 'empty'; selection: string }
  | {
      step: 'choose';
      selection: string;
      count: number;
      options: BulkChangeOptions;
      /** The kind sent with a problem, its values and messages. */
      sent: { kind: BulkChangeKind; values: Record<string, string>; error?: string; fieldErrors: Record<string, string> } | null;
    }
  | { step: 'confirm'; selection: string; count: number; change: BulkChange; description: string; same: number };

function bulkChangeOptions(db: Db): BulkChangeOptions {
  const live = (list: Parameters<typeof readEntries>[1]) => readEntries(db, list).filter((entry) => !entry.archived);
  const all = (list: Parameters<typeof readEntries>[1]) => readEntries(db, list).map(({ id, name }) => ({ id, name }));
  return {
    statuses: live('crmTicketStatuses').map((entry) => ({ id: entry.id, name: entry.name, lost: entry.phase === 'lost' })),
    lostReasons: live('lostReasons').map(({ id, name }) => ({ id, name })),
    assignees: listAssigneeChoices(db),
    products: { add: live('products').map(({ id, name }) => ({ id, name })), remove: all('products') },
    campaigns: { add: live('campaigns').map(({ id, name }) => ({ id, name })), remove: all('campaigns') },
  };
}

export function readBulkNewPage(db: Db, user: SessionUser, raw: RawParams, t: Translate, format: Formatter): BulkNewPage {
  assertRole(user, 'crm');
  const { selection, problems } = parseBulkSelection(raw);
  if (!selection) return { step: 'invalid', problem: problems[0] };
  const query = serialiseBulkSelection(selection).toString();
  const { count } = countBulkSelection(db, user, selection);
  if (count === 0) return { step: 'empty', selection: query };
  const choose = (sent: Extract<BulkNewPage, { step: 'choose' }>['sent']): BulkNewPage => ({
    step: 'choose',
    selection: query,
    count,
    options: bulkChangeOptions(db),
    sent,
  });

  const kind = paramValues(raw, 'kind')[0];
  if (!isBulkChangeKind(kind)) return choose(null);
  const values: Record<string, string> = Object.fromEntries(BULK_FIELDS[kind].map((field) => [field, paramValues(raw, field)[0] ?? '']));
  // "Zurück zur Auswahl": the form of the kind again, with the values chosen.
  if (paramValues(raw, 'edit')[0] === '1') return choose({ kind, values, fieldErrors: {} });
  const parsed = bulkChangeSchema.safeParse({ kind, ...values });
  const translate = (errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, translateError(t, code)]));
  if (!parsed.success) return choose({ kind, values, fieldErrors: translate(fieldErrorsOf(parsed.error)) });
  const change = toBulkChange(parsed.data);
  const problem = db.transaction((tx) => bulkChangeProblem(tx, change));
  if (problem) return choose({ kind, values, error: translateError(t, problem.error), fieldErrors: translate(problem.fieldErrors ?? {}) });
  const { changing } = countBulkSelection(db, user, selection, change);
  return {
    step: 'confirm',
    selection: query,
    count,
    change,
    description: describeBulkChange(db, change, t, format),
    same: count - changing,
  };
}
