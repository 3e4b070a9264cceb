// /admin/users/[id]: edit one user's name, roles and language, (de)activate, set a password.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/fields';
import { localeOptions, roleOptions } from '@/components/users/options';
import { requireRole } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { findUserForAdmin } from '@/lib/users/queries';
import { idSchema } from '@/lib/validation';
import { setUserActiveAction, setUserPasswordAction, updateUserAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const admin = await requireRole('admin');
  const id = idSchema.safeParse((await params).id);
  const user = id.success ? findUserForAdmin(getDb(), admin, id.data) : null;
  return user ? pageTitle('users.editTitle', { name: user.name }) : pageTitle('users.title');
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole('admin');
  const { t } = await getI18n();
  const id = idSchema.safeParse((await params).id);
  const user = id.success ? findUserForAdmin(getDb(), admin, id.data) : null;
  if (!user) notFound();
  const hidden = (
    <>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
    </>
  );
  return (
    <>
      <p>
        <Link href="/admin/users">← {t('users.title')}</Link>
      </p>
      <h1>{t('users.editTitle', { name: user.name })}</h1>
      <p className="muted">
        {user.email} · {user.active ? t('users.active') : t('users.inactive')}
      </p>
      <div className="stack narrow">
        <section className="card" aria-labelledby="user-data">
          <h2 id="user-data">{t('common.edit')}</h2>
          <ActionForm action={updateUserAction} submitLabel={t('common.save')}>
            {hidden}
            <TextField name="name" label={t('users.name')} defaultValue={user.name} required maxLength={200} />
            <CheckboxGroup name="roles" legend={t('users.roles')} options={roleOptions(t)} defaultValue={user.roles} />
            <p className="muted">{t('users.crmAdminIncludesCrm')}</p>
            <SelectField name="locale" label={t('users.locale')} options={localeOptions(t)} defaultValue={user.locale} />
          </ActionForm>
        </section>
        <section className="card" aria-labelledby="user-status">
          <h2 id="user-status">{t('users.status')}</h2>
          <ActionForm
            action={setUserActiveAction}
            submitLabel={user.active ? t('users.deactivate') : t('users.reactivate')}
            submitClassName={user.active ? 'button button-danger' : 'button'}
          >
            {hidden}
            <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
          </ActionForm>
        </section>
        <section className="card" aria-labelledby="user-password">
          <h2 id="user-password">{t('users.setPassword')}</h2>
          <ActionForm action={setUserPasswordAction} submitLabel={t('users.setPassword')}>
            {hidden}
            <TextField
              name="password"
              label={t('users.newPassword')}
              type="password"
              required
              maxLength={128}
              autoComplete="new-password"
            />
            <p className="muted">{t('account.password.rules')}</p>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
