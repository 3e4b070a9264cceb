// Whose follow-ups the page shows: a plain GET form (no JavaScript needed) listing the users who
// have follow-ups, with how many; the shown user is chosen even without any.
import type { Translate } from '@/lib/i18n';

export function AssigneePicker({
  assignees,
  current,
  t,
}: {
  assignees: { id: number; name: string; count: number }[];
  current: { id: number; name: string };
  t: Translate;
}) {
  const options = assignees.some((user) => user.id === current.id) ? assignees : [{ ...current, count: 0 }, ...assignees];
  return (
    <form method="get" action="/crm/followups" className="inline-form" aria-label={t('followups.assigneeForm')}>
      <div className="field">
        <label htmlFor="followups-assignee">{t('followups.assignee')}</label>
        <select id="followups-assignee" name="assignee" defaultValue={String(current.id)}>
          {options.map((user) => (
            <option key={user.id} value={user.id}>
              {t('followups.assigneeOption', { name: user.name, count: user.count })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('followups.show')}
      </button>
    </form>
  );
}
