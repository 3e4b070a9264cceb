// data-manager: the section's frame; its content arrives with its own issue.
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export default async function DataManagerPage() {
  await requireUser();
  const { t } = await getI18n();
  return (
    <>
      <h1>{t('nav.dataManager')}</h1>
      <p className="muted">{t('common.emptySection')}</p>
    </>
  );
}
