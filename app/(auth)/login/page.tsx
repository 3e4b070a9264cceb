import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { LoginForm } from './login-form';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('login.title');

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await getCurrentUser()) redirect('/');
  const { t } = await getI18n();
  const { next } = await searchParams;
  return (
    <main className="login">
      <h1>{t('app.name')}</h1>
      <section className="card" aria-labelledby="login-title">
        <h2 id="login-title">{t('login.title')}</h2>
        <LoginForm
          labels={{ email: t('login.email'), password: t('login.password'), submit: t('login.submit') }}
          next={typeof next === 'string' ? next : '/'}
        />
      </section>
    </main>
  );
}
