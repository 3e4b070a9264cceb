// A row's three forms (SPEC section 17): Erledigt (optionally with the next action), +1 Tag, +1 Woche.
// Real forms: each carries the ticket's CRM version and the list's view, and works without JavaScript.
import { ActionForm } from '@/components/ui/action-form';
import { completeFollowupAction, postponeFollowupAction } from '@/app/(app)/crm/followups/actions';
import type { FollowupSection } from '@/lib/crm/followups/clock';
import type { FollowupView } from '@/lib/crm/followups/schemas';
import type { FollowupRow } from '@/lib/crm/followups/queries';
import type { Translate } from '@/lib/i18n';
import { NextActionFields } from './next-action-fields';
import styles from './followups.module.css';

export type RowActionWords = { summary: string; date: string; time: string; text: string };

function Identity({ row, view, section }: { row: FollowupRow; view: FollowupView; section: FollowupSection }) {
  return (
    <>
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="crmVersion" value={row.crmVersion} />
      {view.assigneeId !== null && <input type="hidden" name="listAssignee" value={view.assigneeId} />}
      {view.section !== null && view.page > 1 && (
        <>
          <input type="hidden" name="listSection" value={view.section} />
          <input type="hidden" name="listPage" value={view.page} />
        </>
      )}
      <input type="hidden" name="fromSection" value={section} />
    </>
  );
}

export function RowActions({
  row,
  view,
  section,
  words,
  t,
}: {
  row: FollowupRow;
  view: FollowupView;
  section: FollowupSection;
  words: RowActionWords;
  t: Translate;
}) {
  const identity = <Identity row={row} view={view} section={section} />;
  return (
    <div className={styles.actions}>
      <ActionForm
        action={completeFollowupAction}
        submitLabel={t('followups.done')}
        label={t('followups.doneForm', { number: row.number })}
        className="stack followup-done"
      >
        {identity}
        <NextActionFields words={words} />
      </ActionForm>
      <ActionForm
        action={postponeFollowupAction}
        submitLabel={t('followups.postponeDay')}
        submitClassName="button"
        label={t('followups.postponeDayForm', { number: row.number })}
        className="inline-form"
      >
        {identity}
        <input type="hidden" name="step" value="day" />
      </ActionForm>
      <ActionForm
        action={postponeFollowupAction}
        submitLabel={t('followups.postponeWeek')}
        submitClassName="button"
        label={t('followups.postponeWeekForm', { number: row.number })}
        className="inline-form"
      >
        {identity}
        <input type="hidden" name="step" value="week" />
      </ActionForm>
    </div>
  );
}
