// "1 Eintrag" / "250 Einträge" above a list.
import type { Formatter, Translate } from '@/lib/i18n';

export function ListCount({ total, t, format }: { total: number; t: Translate; format: Formatter }) {
  return <p className="muted">{t(total === 1 ? 'list.countOne' : 'list.count', { count: format.integer(total) })}</p>;
}
