// The partner list: a table whose Name and GPID headers are links that sort it (state in the URL).
import Link from 'next/link';
import { RecordLink } from '@/components/ui/record-link';
import type { Translate } from '@/lib/i18n';
import type { PartnerListItem } from '@/lib/partners/queries';
import { serialisePartnerListParams, type PartnerListParams, type PartnerSort } from '@/lib/partners/schemas';

export function partnerListHref(params: PartnerListParams): string {
  const query = serialisePartnerListParams(params).toString();
  return query ? `/partners?${query}` : '/partners';
}

function SortHeader({ column, label, params, t }: { column: PartnerSort; label: string; params: PartnerListParams; t: Translate }) {
  const active = params.sort === column;
  // A click on the active column turns the order round; another column starts ascending.
  const dir = active && params.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={partnerListHref({ ...params, sort: column, dir })}>
        {label}
        {active && (
          <>
            <span aria-hidden="true">{params.dir === 'asc' ? ' ▲' : ' ▼'}</span>
            <span className="visually-hidden"> ({t(params.dir === 'asc' ? 'partners.sortedAsc' : 'partners.sortedDesc')})</span>
          </>
        )}
      </Link>
    </th>
  );
}

export function PartnerTable({ rows, params, t }: { rows: PartnerListItem[]; params: PartnerListParams; t: Translate }) {
  if (rows.length === 0) return <p className="muted">{t('list.empty')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('partners.title')}</caption>
      <thead>
        <tr>
          <SortHeader column="gpid" label={t('partners.gpid')} params={params} t={t} />
          <SortHeader column="name" label={t('partners.name')} params={params} t={t} />
          <th scope="col">{t('partners.city')}</th>
          <th scope="col">{t('partners.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((partner) => (
          <tr key={partner.id}>
            <td>{partner.gpid}</td>
            <td>
              <RecordLink href={`/partners/${partner.id}`}>{partner.name}</RecordLink>
              {partner.name2 && <div className="muted">{partner.name2}</div>}
            </td>
            <td>{[partner.postcode, partner.city].filter(Boolean).join(' ')}</td>
            <td>{partner.phone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
