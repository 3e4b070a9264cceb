// The start page's line for a crm user (SPEC section 17): how many of their follow-ups are due today
// and overdue, linking to "Meine Wiedervorlagen". Plain figures in.
import Link from 'next/link';
import type { DueFollowups } from '@/lib/crm/followups/queries';
import type { Formatter, Translate } from '@/lib/i18n';

export function DueSummary({ due, t, format }: { due: DueFollowups; t: Translate; format: Formatter }) {
  const text =
    due.today + due.overdue === 0
      ? t('followups.due.none')
      : t('followups.due.summary', { today: format.integer(due.today), overdue: format.integer(due.overdue) });
  return (
    <p className={due.overdue > 0 ? 'alert followup-due followup-due-overdue' : 'alert followup-due'}>
      <Link href="/crm/followups">
        {t('followups.due.label')}: {text}
      </Link>
    </p>
  );
}
