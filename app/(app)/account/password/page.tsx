// /account/password: the signed-in user changes their own password (current one, new one twice).
import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { PASSWORD_MAX } from '@/lib/auth/password-policy';
import { getI18n } from '@/lib/i18n/server';
import { changeOwnPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Passwort ändern' };

export default async function ChangePasswordPage() {
  await requireUser();
  const { t } = await getI18n();
  return (
    <>
      <h1 id="change-password">{t('account.password.title')}</h1>
      <section className="card narrow" aria-labelledby="change-password">
        <ActionForm action={changeOwnPasswordAction} submitLabel={t('account.password.title')}>
          <TextField
            name="currentPassword"
            label={t('account.password.current')}
            type="password"
            required
            maxLength={PASSWORD_MAX}
            autoComplete="current-password"
          />
          <TextField
            name="password"
            label={t('account.password.new')}
            type="password"
            required
            maxLength={PASSWORD_MAX}
            autoComplete="new-password"
          />
          <TextField
            name="passwordRepeat"
            label={t('account.password.repeat')}
            type="password"
            required
            maxLength={PASSWORD_MAX}
            autoComplete="new-password"
          />
          <p className="muted">{t('account.password.rules')}</p>
          <p className="muted">{t('account.password.othersEnd')}</p>
        </ActionForm>
      </section>
    </>
  );
}
