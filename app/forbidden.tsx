// The 403 page for signed-in users who lack a page's role.
import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export default async function Forbidden() {
  const { t } = await getI18n();
  return (
    <main id="main" className="page narrow">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
      <p>
        <Link href="/">{t('forbidden.home')}</Link>
      </p>
    </main>
  );
}
