// A contact's Merkmale, for `crm` users; renders nothing for anyone else.
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { hasRole, type SessionUser } from '@/lib/auth/guards';
import { getContactAttributes } from '@/lib/crm/contacts';
import type { Translate } from '@/lib/i18n';
import { attributeOptions } from '@/lib/lookups/queries';
import { saveContactAttributesAction } from '@/app/(app)/contacts/[id]/crm-actions';
import { LookupCheckboxes } from './lookup-fields';

export function ContactAttributesForm({ contactId, user, t }: { contactId: number; user: SessionUser; t: Translate }) {
  if (!hasRole(user, 'crm')) return null;
  const db = getDb();
  const current = getContactAttributes(db, user, contactId);
  if (!current) return null;
  return (
    <section className="card" aria-labelledby="contact-attributes">
      <h2 id="contact-attributes">{t('crm.contactAttributes')}</h2>
      <ActionForm action={saveContactAttributesAction} submitLabel={t('crm.saveAttributes')}>
        <input type="hidden" name="id" value={contactId} />
        {current.attributeIds.map((id) => (
          <input key={id} type="hidden" name="shownAttributes" value={id} />
        ))}
        <LookupCheckboxes name="attributes" legend={t('crm.field.attributes')} options={attributeOptions(db, user, 'contact', current.attributeIds)} values={current.attributeIds} t={t} />
      </ActionForm>
    </section>
  );
}
