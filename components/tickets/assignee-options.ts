// The Bearbeiter choices of every ticket filter: anyone, "ich", then the users by name.
import type { Translate } from '@/lib/i18n';

export function assigneeFilterOptions(
  t: Translate,
  assignees: readonly { id: number; name: string }[],
): { value: string; label: string }[] {
  return [
    { value: '', label: t('tickets.anyAssignee') },
    { value: 'me', label: t('tickets.me') },
    ...assignees.map((user) => ({ value: String(user.id), label: user.name })),
  ];
}
