// The text of the 403 and 404 pages. Inside the signed-in frame, whose layout already draws the one
// <main>, it is a plain block; alone (an unknown URL) it brings its own <main>.
import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export async function StatusPage({ kind, framed }: { kind: 'forbidden' | 'notFound'; framed: boolean }) {
  const { t } = await getI18n();
  const content = (
    <>
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.text`)}</p>
      <p>
        <Link href="/">{t('forbidden.home')}</Link>
      </p>
    </>
  );
  return framed ? (
    <div className="narrow">{content}</div>
  ) : (
    <main id="main" className="page narrow">
      {content}
    </main>
  );
}
