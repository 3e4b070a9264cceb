// /partners/[id]/crm: the partner's CRM tab (crm only): every CRM field and the history.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrmHistory, HISTORY_PAGE_PARAM } from '@/components/crm/crm-history';
import { PartnerCrmForm } from '@/components/crm/partner-crm-form';
import { CrmStamp } from '@/components/crm/crm-stamp';
import { PartnerTabs } from '@/components/partners/partner-tabs';
import { pageFrom, searchWithout } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { crmHistoryPage } from '@/lib/crm/history';
import { getPartnerCrm } from '@/lib/crm/partners/queries';
import { getI18n } from '@/lib/i18n/server';
import { idSchema } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t('crm.tab.title')} · ${t('partners.title')}` };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnerCrmPage({ params, searchParams }: Props) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const db = getDb();
  const id = idSchema.safeParse((await params).id);
  const crm = id.success ? getPartnerCrm(db, user, id.data) : undefined;
  if (!crm) notFound();
  const raw = await searchParams;
  return (
    <>
      <p>
        <Link href="/partners">← {t('partners.title')}</Link>
      </p>
      <h1>{crm.name}</h1>
      <PartnerTabs partnerId={crm.id} current="crm" roles={user.roles} t={t} />
      <section className="card" aria-labelledby="crm-tab">
        <h2 id="crm-tab">{t('crm.tab.title')}</h2>
        <CrmStamp crm={crm} t={t} format={format} />
        <PartnerCrmForm crm={crm} user={user} t={t} />
      </section>
      <CrmHistory
        entity="partner"
        history={crmHistoryPage(db, user, 'partner', crm.id, pageFrom(raw[HISTORY_PAGE_PARAM]))}
        basePath={`/partners/${crm.id}/crm`}
        search={searchWithout(raw, HISTORY_PAGE_PARAM)}
        t={t}
        format={format}
      />
    </>
  );
}
