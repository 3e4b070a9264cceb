// The ticket CRM panel's "Nächste Aktion" (SPEC section 17): the registry's date and time fields and
// its text field as one block, under the next action's state and, for a stale deal, since when.
import type { ReactNode } from 'react';
import { FollowupBadges } from '@/components/crm/followup-badges';
import { followupWords } from '@/lib/crm/followups/words';
import { TextField } from '@/components/ui/fields';
import type { TicketFollowupState } from '@/lib/crm/followups/queries';
import type { Formatter, Translate } from '@/lib/i18n';
import styles from './followups.module.css';

export function NextActionBlock({
  dateTime,
  text,
  followup,
  t,
  format,
}: {
  /** The registry's date and time fields, as the form renders them. */
  dateTime: ReactNode;
  /** The text field's name and saved value. */
  text: { name: string; label: string; value: string };
  followup: TicketFollowupState;
  t: Translate;
  format: Formatter;
}) {
  const staleTitle =
    followup.lastCrmChange && followup.staleAfterDays !== null
      ? t('followups.stale.title', { date: format.date(followup.lastCrmChange), days: followup.staleAfterDays })
      : undefined;
  return (
    <fieldset className={styles.block}>
      <legend>{t('followups.panel.title')}</legend>
      <p>
        <FollowupBadges
          state={followup.state}
          staleDays={followup.staleDays}
          words={followupWords(t, { inColumn: true })}
          staleTitle={staleTitle}
        />
      </p>
      <div className="row">{dateTime}</div>
      <TextField name={text.name} label={text.label} defaultValue={text.value} maxLength={2000} />
    </fieldset>
  );
}
