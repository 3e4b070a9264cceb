// /partners: every business partner, searched, sorted and paged through URL parameters (q, sort, dir, page).
import Link from 'next/link';
import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { PartnerSearch } from '@/components/partners/partner-search';
import { PartnerTable } from '@/components/partners/partner-table';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { listPartners } from '@/lib/partners/queries';
import { PARTNER_PAGE_SIZE, parsePartnerListParams, serialisePartnerListParams } from '@/lib/partners/schemas';
import { ListCount } from '@/components/ui/list-count';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('partners.title') };
}

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const params = parsePartnerListParams(raw);
  const page = pageFrom(raw.page);
  const { rows, total } = listPartners(getDb(), params, { limit: PARTNER_PAGE_SIZE, offset: (page - 1) * PARTNER_PAGE_SIZE });
  return (
    <>
      <div className="page-heading">
        <h1>{t('partners.title')}</h1>
        <Link href="/partners/new" className="button button-primary">
          {t('partners.new')}
        </Link>
      </div>
      {raw.deleted === '1' && (
        <p className="alert alert-ok" role="status">
          {t('partners.deleted')}
        </p>
      )}
      <PartnerSearch params={params} t={t} />
      <ListCount total={total} t={t} format={format} />
      <PartnerTable rows={rows} params={params} t={t} />
      <Pagination
        basePath="/partners"
        search={serialisePartnerListParams(params)}
        page={page}
        pageSize={PARTNER_PAGE_SIZE}
        total={total}
        t={t}
      />
    </>
  );
}
