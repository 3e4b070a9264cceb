'use client';
// A row's three forms (SPEC section 17): Erledigt (optionally with the next action), +1 Tag, +1 Woche.
// Real forms: each carries the ticket's CRM version and the list's view, and works without JavaScript.
// A client leaf with a few numbers per row, so a page of many rows carries no copy of the forms'
// markup in its RSC payload; the words and the view are one shared object for every row.
import { ActionForm } from '@/components/ui/action-form';
import { completeFollowupAction, postponeFollowupAction } from '@/app/(app)/crm/followups/actions';
import type { FollowupSection } from '@/lib/crm/followups/clock';
import type { FollowupView } from '@/lib/crm/followups/schemas';
import { NextActionFields } from './next-action-fields';
import styles from './followups.module.css';

export type RowActionWords = {
  done: string;
  day: string;
  week: string;
  /** Form names with `{number}` for the ticket number. */
  doneForm: string;
  dayForm: string;
  weekForm: string;
  next: { summary: string; date: string; time: string; text: string };
};

function Identity({ id, crmVersion, view, section }: { id: number; crmVersion: number; view: FollowupView; section: FollowupSection }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="crmVersion" value={crmVersion} />
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
  id,
  crmVersion,
  number,
  section,
  view,
  words,
}: {
  id: number;
  crmVersion: number;
  number: string;
  section: FollowupSection;
  view: FollowupView;
  words: RowActionWords;
}) {
  const identity = <Identity id={id} crmVersion={crmVersion} view={view} section={section} />;
  const named = (pattern: string) => pattern.replace('{number}', number);
  return (
    <div className={styles.actions}>
      <ActionForm action={completeFollowupAction} submitLabel={words.done} label={named(words.doneForm)} className={`stack ${styles.done}`}>
        {identity}
        <NextActionFields words={words.next} />
      </ActionForm>
      {(['day', 'week'] as const).map((step) => (
        <ActionForm
          key={step}
          action={postponeFollowupAction}
          submitLabel={words[step]}
          submitClassName="button"
          label={named(step === 'day' ? words.dayForm : words.weekForm)}
          className="inline-form"
        >
          {identity}
          <input type="hidden" name="step" value={step} />
        </ActionForm>
      ))}
    </div>
  );
}
