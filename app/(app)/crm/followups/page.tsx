// /crm/followups "Meine Wiedervorlagen" (crm only, SPEC section 17): the user's CRM tickets with a next
// action as Überfällig / Heute / Diese Woche / Später; `assignee=` shows another user's, `section=` and
// `page=` page through one section; `done=`/`outcome=` name what the last action did.
import { AssigneePicker } from '@/components/crm/followups/assignee-picker';
import { FollowupSectionTable } from '@/components/crm/followups/followup-section';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { followupClock } from '@/lib/crm/followups/clock';
import { followupAssignees, followupNotice, listFollowups } from '@/lib/crm/followups/queries';
import { parseFollowupParams, type FollowupView } from '@/lib/crm/followups/schemas';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('followups.title');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function FollowupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const params = parseFollowupParams(await searchParams);
  const db = getDb();
  const clock = followupClock();
  const wanted = params.assigneeId ?? user.id;
  let list = listFollowups(db, user, { ...params, assigneeId: wanted }, clock);
  const unknown = list === undefined ? String(params.assigneeId) : params.badAssignee;
  if (!list) list = listFollowups(db, user, { ...params, assigneeId: user.id, section: null, page: 1 }, clock)!;
  const view: FollowupView = {
    assigneeId: list.assignee.id === user.id ? null : list.assignee.id,
    section: params.section,
    page: params.page,
  };
  const assignees = followupAssignees(db, user);
  const changed = params.notice && followupNotice(db, user, params.notice.ticketId);
  const notice =
    params.notice && changed
      ? t(`followups.notice.${params.notice.outcome}`, {
          number: changed.number,
          at: changed.nextActionAt ? format.wallDateTime(changed.nextActionAt) : '—',
        })
      : undefined;
  // The notice stands in the section the user acted in (the action's answer opens there), else on top.
  const noticeIn = notice ? (params.notice?.from ?? null) : null;
  // One object for every row's forms (the RSC payload carries it once).
  const words = {
    done: t('followups.done'),
    day: t('followups.postponeDay'),
    week: t('followups.postponeWeek'),
    doneForm: t('followups.doneForm', { number: '{number}' }),
    dayForm: t('followups.postponeDayForm', { number: '{number}' }),
    weekForm: t('followups.postponeWeekForm', { number: '{number}' }),
    next: {
      summary: t('followups.setNext'),
      date: t('crm.field.nextAction'),
      time: t('crm.field.nextActionTime'),
      text: t('crm.field.nextActionText'),
    },
  };

  return (
    <>
      <h1>{list.assignee.id === user.id ? t('followups.title') : t('followups.titleOf', { name: list.assignee.name })}</h1>
      {unknown !== null && (
        <p className="alert alert-error" role="alert">
          {t('followups.badAssignee', { value: unknown })}
        </p>
      )}
      {notice && noticeIn === null && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <p className="muted">{t('followups.intro')}</p>
      <AssigneePicker assignees={assignees} current={list.assignee} t={t} />
      {list.sections.map((data) => (
        <FollowupSectionTable
          key={data.section}
          data={data}
          view={view}
          notice={noticeIn === data.section ? notice : undefined}
          words={words}
          t={t}
          format={format}
        />
      ))}
    </>
  );
}
