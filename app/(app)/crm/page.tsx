// crm: the section's frame; its content arrives with its own issue.
import { requireRole } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export default async function CrmDashboardPage() {
  await requireRole('crm');
  const { t } = await getI18n();
  return (
    <>
      <h1>{t('nav.crm')}</h1>
      <p className="muted">{t('common.emptySection')}</p>
    </>
  );
}
