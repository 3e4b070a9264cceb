// The head of every partner tab: the name, GPID, name 2 and last change, then address and ways to get
// in touch, so the CRM tab shows whom it is about as the Stammdaten tab does.
import type { Formatter, Translate } from '@/lib/i18n';
import type { PartnerDetail } from '@/lib/partners/queries';

/** Only http(s) addresses become links; anything else stays text. */
function websiteHref(website: string): string | undefined {
  return /^https?:\/\//i.test(website) ? website : undefined;
}

function PartnerSummary({ partner }: { partner: PartnerDetail }) {
  const place = [partner.street, [partner.postcode, partner.city].filter(Boolean).join(' ')].filter(Boolean);
  // The country alone (every partner has one, "DE" by default) is no address.
  const address = place.length > 0 ? [...place, partner.country].filter(Boolean).join(', ') : '';
  const website = websiteHref(partner.website);
  return (
    <p className="summary-line">
      {address && <span>{address}</span>}
      {partner.phone && <a href={`tel:${partner.phone.replace(/[^\d+]/g, '')}`}>{partner.phone}</a>}
      {partner.email && <a href={`mailto:${partner.email}`}>{partner.email}</a>}
      {website && (
        <a href={website} rel="noopener noreferrer" target="_blank">
          {partner.website}
        </a>
      )}
    </p>
  );
}

export function PartnerHeader({ partner, t, format }: { partner: PartnerDetail; t: Translate; format: Formatter }) {
  const changed = format.dateTime(partner.updatedAt);
  return (
    <>
      <h1>{partner.name}</h1>
      <p className="muted">
        {t('partners.gpid')} {partner.gpid}
        {partner.name2 && ` · ${partner.name2}`} ·{' '}
        {partner.updatedByName
          ? t('partners.lastChange', { date: changed, name: partner.updatedByName })
          : t('partners.lastChangeAnonymous', { date: changed })}
      </p>
      <PartnerSummary partner={partner} />
    </>
  );
}
