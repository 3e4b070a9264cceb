// Inputs of "Meine Wiedervorlagen" (SPEC section 17): the page's URL parameters and its rows' forms
// (Erledigt with an optional next action, +1 Tag / +1 Woche), shared by the page and its actions.
import { z } from 'zod';
import { idSchema, versionSchema } from '@/lib/validation';
import { CRM_PROPERTIES } from '../properties';
import { crmFieldSchema, optionalTime } from '../schemas';
import { FOLLOWUP_SECTIONS, type FollowupSection } from './clock';
import { POSTPONE_DAYS, type PostponeStep } from './postpone';

/** Rows shown per section and page; the section's count stays exact. */
export const FOLLOWUP_PAGE_SIZE = 25;

/** What an action did, named in the page's notice after it. */
export const FOLLOWUP_OUTCOMES = ['done', 'next', 'day', 'week'] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

/** The page's view: whose follow-ups, and which section is paged on (the others show their first page). */
export type FollowupView = { assigneeId: number | null; section: FollowupSection | null; page: number };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const positive = (text: string | undefined) => (text !== undefined && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null);

export type FollowupPageParams = FollowupView & {
  /** `assignee=` as given, when it is no user id. */
  badAssignee: string | null;
  notice: FollowupNotice | null;
};

/** What an action just did to which ticket, and the section the user acted in (where the notice stands). */
export type FollowupNotice = { ticketId: number; outcome: FollowupOutcome; from: FollowupSection | null };

const sectionOf = (text: string | undefined): FollowupSection | null =>
  FOLLOWUP_SECTIONS.includes(text as FollowupSection) ? (text as FollowupSection) : null;

/** The page's URL parameters; anything unreadable falls back to the default, a bad `assignee` is reported. */
export function parseFollowupParams(raw: Record<string, string | string[] | undefined>): FollowupPageParams {
  const assignee = single(raw.assignee);
  const assigneeId = positive(assignee);
  const section = single(raw.section);
  const outcome = single(raw.outcome);
  const ticketId = positive(single(raw.done));
  return {
    assigneeId,
    badAssignee: assignee !== undefined && assignee !== '' && assigneeId === null ? assignee : null,
    section: sectionOf(section),
    page: positive(single(raw.page)) ?? 1,
    notice:
      ticketId !== null && FOLLOWUP_OUTCOMES.includes(outcome as FollowupOutcome)
        ? { ticketId, outcome: outcome as FollowupOutcome, from: sectionOf(single(raw.from)) }
        : null,
  };
}

/** The page's address for a view, with the notice of what was just done. */
export function followupHref(view: FollowupView, notice?: FollowupNotice): string {
  const search = new URLSearchParams();
  if (view.assigneeId !== null) search.set('assignee', String(view.assigneeId));
  if (view.section !== null && view.page > 1) {
    search.set('section', view.section);
    search.set('page', String(view.page));
  }
  if (notice) {
    search.set('done', String(notice.ticketId));
    search.set('outcome', notice.outcome);
    if (notice.from) search.set('from', notice.from);
  }
  const query = search.toString();
  return `/crm/followups${query ? `?${query}` : ''}${notice?.from ? `#${sectionAnchor(notice.from)}` : ''}`;
}

/** The view a row's form came from, so the page after the action is the same list. */
const viewFields = {
  listAssignee: z
    .string()
    .optional()
    .transform((text) => positive(text)),
  listSection: z.string().optional().transform(sectionOf),
  listPage: z
    .string()
    .optional()
    .transform((text) => positive(text) ?? 1),
  /** The section the row stood in: the page after the action opens there, where the user was. */
  fromSection: z.string().optional().transform(sectionOf),
};

export const completeFollowupSchema = z
  .object({
    id: idSchema,
    crmVersion: versionSchema,
    nextAction: crmFieldSchema(CRM_PROPERTIES.nextAction, 'de') as z.ZodType<string | null>,
    nextActionTime: optionalTime,
    nextActionText: crmFieldSchema(CRM_PROPERTIES.nextActionText, 'de') as z.ZodType<string>,
    ...viewFields,
  })
  .superRefine((values, ctx) => {
    if (values.nextActionTime !== null && values.nextAction === null)
      ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'crm.error.timeWithoutDate' });
    if (values.nextActionText !== '' && values.nextAction === null)
      ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'followups.error.textWithoutDate' });
  });
export type CompleteFollowupInput = z.infer<typeof completeFollowupSchema>;

export const postponeFollowupSchema = z.object({
  id: idSchema,
  crmVersion: versionSchema,
  step: z.enum(Object.keys(POSTPONE_DAYS) as [PostponeStep, ...PostponeStep[]], { message: 'invalid' }),
  ...viewFields,
});
export type PostponeFollowupInput = z.infer<typeof postponeFollowupSchema>;

/** The anchor of a section on the page. */
export const sectionAnchor = (section: FollowupSection) => `followups-${section}`;

/** The view of a row's form input. */
export const viewOf = (input: { listAssignee: number | null; listSection: FollowupSection | null; listPage: number }): FollowupView => ({
  assigneeId: input.listAssignee,
  section: input.listSection,
  page: input.listPage,
});
