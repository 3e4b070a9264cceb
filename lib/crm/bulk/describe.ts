import 'server-only';
// A bulk change in words, for the confirmation and the list: "CRM-Status → Verhandlung".
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';
import { LOOKUP_LISTS, type LookupListKey } from '@/lib/lookups/lists';
import type { BulkChange } from './change';

function entryName(db: Db, list: LookupListKey, id: number): string {
  const { table } = LOOKUP_LISTS[list];
  return db.select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? `#${id}`;
}

export function describeBulkChange(db: Db, change: BulkChange, t: Translate, format: Formatter): string {
  const set = (field: MessageKey, value: string | null) =>
    t('bulk.describe.set', { field: t(field), value: value ?? t('bulk.describe.empty') });
  switch (change.kind) {
    case 'crmStatus': {
      const status = entryName(db, 'crmTicketStatuses', change.crmStatusId);
      const value =
        change.lostReasonId === null
          ? status
          : t('bulk.describe.withReason', { status, reason: entryName(db, 'lostReasons', change.lostReasonId) });
      return set('crm.field.crmStatus', value);
    }
    case 'assignee':
      return set(
        'dashboard.dim.assignee',
        change.assigneeId === null
          ? null
          : (db.select({ name: users.name }).from(users).where(eq(users.id, change.assigneeId)).get()?.name ?? null),
      );
    case 'expectedClose':
      return set('crm.field.expectedClose', change.expectedClose === null ? null : format.calendarDate(change.expectedClose));
    case 'probability':
      return set('crm.field.probability', change.probability === null ? null : format.percent(change.probability));
    case 'addProduct':
    case 'removeProduct':
      return t(`bulk.describe.${change.kind}`, { value: entryName(db, 'products', change.productId) });
    case 'addCampaign':
    case 'removeCampaign':
      return t(`bulk.describe.${change.kind}`, { value: entryName(db, 'campaigns', change.campaignId) });
  }
}
