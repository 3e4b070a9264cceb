import 'server-only';
// Saves a partner's CRM tab; every changed field goes into the history in the same transaction.
// Checks and bumps the CRM version and stamp only, never the master data's version and stamp.
// The form's values, checks and snapshot come from the property registry (lib/crm/record/fields.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { attributes, partners } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmSaveStamp, crmVersionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { entryNames } from '../entries';
import { recordCrmChanges, type CrmSnapshot } from '../history';
import { historySnapshot, savedColumns, valuesFromForm } from '../record/fields';
import { choiceProblems, createTypedEntries, replaceBridges } from '../record/mutations';
import type { PartnerCrmInput } from '../schemas';
import { readPartnerCrm } from './queries';

const snapshot = (tx: Tx, record: object): CrmSnapshot<'partner'> =>
  historySnapshot('partner', record, (list, ids) => entryNames(tx, list, ids));

/** Merkmale of a partner are those for partners or for both, never contact-only ones. */
function contactOnlyAttributes(tx: Tx, ids: number[]): boolean {
  if (ids.length === 0) return false;
  return Boolean(
    tx
      .select({ id: attributes.id })
      .from(attributes)
      .where(and(inArray(attributes.id, ids), eq(attributes.appliesTo, 'contact')))
      .get(),
  );
}

export function savePartnerCrm(db: Db, user: SessionUser, input: PartnerCrmInput): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readPartnerCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    const crm = current!;

    const fieldErrors = choiceProblems(tx, 'partner', crm, input);
    if (!fieldErrors.attributes && contactOnlyAttributes(tx, input.attributes)) fieldErrors.attributes = 'crm.error.attributeTarget';
    if (Object.keys(fieldErrors).length > 0) return { ok: false, error: 'form', fieldErrors };
    const created = createTypedEntries(tx, 'partner', input, user.id);
    if (!created.ok) return { ok: false, error: 'form', fieldErrors: created.fieldErrors };

    const next = valuesFromForm('partner', input, created.ids);
    const before = snapshot(tx, crm);
    tx.update(partners)
      .set({ ...savedColumns('partner', next), ...crmSaveStamp(crm, user.id) })
      .where(eq(partners.id, input.id))
      .run();
    replaceBridges(tx, 'partner', input.id, next);
    recordCrmChanges(tx, { entity: 'partner', entityId: input.id, userId: user.id, before, after: snapshot(tx, { ...current, ...next }) });
    return { ok: true, data: undefined };
  });
}
