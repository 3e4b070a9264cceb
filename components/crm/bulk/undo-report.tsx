// What an undo did, in words: restored, skipped and by whom, deleted since.
import type { UndoReport } from '@/lib/crm/bulk/undo';
import type { Formatter, Translate } from '@/lib/i18n';

export function undoReportText(report: UndoReport, t: Translate, format: Formatter): string {
  const parts = [t('bulk.report.restored', { count: format.integer(report.restored) })];
  for (const skipped of report.skipped) {
    const count = format.integer(skipped.count);
    parts.push(skipped.name ? t('bulk.report.skipped', { count, name: skipped.name }) : t('bulk.report.skippedUnknown', { count }));
  }
  if (report.gone > 0) parts.push(t('bulk.report.gone', { count: format.integer(report.gone) }));
  return parts.join(', ');
}
