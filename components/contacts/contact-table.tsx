// A table of contacts: the contact list and a partner's contacts (there without the partner column).
import { RecordLink } from '@/components/ui/record-link';
import type { ContactListItem } from '@/lib/contacts/queries';
import { contactName } from '@/lib/contacts/queries';
import type { Translate } from '@/lib/i18n';

export function ContactTable({
  rows,
  t,
  showPartner = true,
  caption,
}: {
  rows: ContactListItem[];
  t: Translate;
  showPartner?: boolean;
  caption: string;
}) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contacts.name')}</th>
          <th scope="col">{t('contacts.position')}</th>
          {showPartner && <th scope="col">{t('contacts.partner')}</th>}
          <th scope="col">{t('contacts.email')}</th>
          <th scope="col">{t('contacts.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((contact) => (
          <tr key={contact.id}>
            <td>
              <RecordLink href={`/contacts/${contact.id}`}>{contactName(contact)}</RecordLink>
            </td>
            <td>{contact.position}</td>
            {showPartner && (
              <td>{contact.partner ? <RecordLink href={`/partners/${contact.partner.id}`}>{contact.partner.name}</RecordLink> : '—'}</td>
            )}
            <td>{contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}</td>
            <td>{contact.phone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
