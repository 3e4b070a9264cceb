// /partners/new: create a business partner; the GPID comes from the counter, similar names need "trotzdem anlegen".
import Link from 'next/link';
import type { Metadata } from 'next';
import { DuplicateWarning } from '@/components/partners/duplicate-warning';
import { PartnerFields } from '@/components/partners/partner-fields';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { createPartnerAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('partners.new') };
}

export default async function NewPartnerPage() {
  await requireUser();
  const { t } = await getI18n();
  return (
    <>
      <p>
        <Link href="/partners">← {t('partners.title')}</Link>
      </p>
      <h1 id="new-partner">{t('partners.new')}</h1>
      <section className="card" aria-labelledby="new-partner">
        <ActionForm action={createPartnerAction} submitLabel={t('partners.create')}>
          <PartnerFields t={t} values={{ country: 'DE' }} />
          <DuplicateWarning labels={{ title: t('partners.similarTitle'), text: t('partners.similarText'), force: t('partners.force') }} />
        </ActionForm>
      </section>
    </>
  );
}
