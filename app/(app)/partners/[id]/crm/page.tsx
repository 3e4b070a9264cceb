// /partners/[id]/crm: the partner's CRM tab (crm only): every CRM field and the history.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrmHistory, HISTORY_PAGE_PARAM } from '@/components/crm/crm-history';
import { PartnerCrmForm } from '@/components/crm/partner-crm-form';
import { CrmStamp } from '@/components/crm/crm-stamp';
import { PartnerHeader } from '@/components/partners/partner-header';
import { PartnerTabs } from '@/components/partners/partner-tabs';
import { pageFrom, searchWithout } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { requireRole, requireUser } from '@/lib/auth/guards';
import { partnerCrmFormView } from '@/lib/crm/forms/queries';
import { getI18n } from '@/lib/i18n/server';
import { recordTitle } from '@/lib/i18n/titles';
import { loadPartner } from '../load-partner';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  return recordTitle(loadPartner((await params).id)?.name, 'partners.title', 'crm.tab.title');
}

export default async function PartnerCrmPage({ params, searchParams }: Props) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const db = getDb();
  const partner = loadPartner((await params).id);
  const raw = await searchParams;
  const view = partner ? partnerCrmFormView(db, user, partner.id, pageFrom(raw[HISTORY_PAGE_PARAM])) : undefined;
  if (!partner || !view) notFound();
  const { crm } = view;
  return (
    <>
      <p>
        <Link href="/partners">← {t('partners.title')}</Link>
      </p>
      <PartnerHeader partner={partner} t={t} format={format} />
      <PartnerTabs partnerId={crm.id} current="crm" roles={user.roles} t={t} />
      <section className="card" aria-labelledby="crm-tab">
        <h2 id="crm-tab">{t('crm.tab.title')}</h2>
        <CrmStamp crm={crm} t={t} format={format} />
        <PartnerCrmForm view={view} t={t} format={format} />
      </section>
      <CrmHistory
        entity="partner"
        history={view.history}
        basePath={`/partners/${crm.id}/crm`}
        search={searchWithout(raw, HISTORY_PAGE_PARAM)}
        t={t}
        format={format}
      />
    </>
  );
}
