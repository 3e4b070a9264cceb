// /admin/users: every user with roles and status, and the form to create one (admin only).
import Link from 'next/link';
import { getDb } from '@/db/client';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/fields';
import { localeOptions, roleOptions } from '@/components/users/options';
import { requireRole } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { listUsers } from '@/lib/users/queries';
import { createUserAction } from './actions';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('users.title');

export default async function UsersPage() {
  const me = await requireRole('admin');
  const { t, format } = await getI18n();
  const users = listUsers(getDb(), me);
  return (
    <>
      <h1>{t('users.title')}</h1>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.locale')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link> {user.id === me.id && t('users.you')}
              </td>
              <td>{user.email}</td>
              <td>
                {user.roles.length === 0
                  ? t('role.none')
                  : user.roles.map((role) => (
                      <span key={role} className="badge">
                        {t(`role.${role}`)}
                      </span>
                    ))}
              </td>
              <td>{t(`language.${user.locale}`)}</td>
              <td>{user.active ? t('users.active') : <span className="badge badge-off">{t('users.inactive')}</span>}</td>
              <td>{format.date(user.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="create-user">{t('users.create')}</h2>
      <section className="card narrow" aria-labelledby="create-user">
        <ActionForm action={createUserAction} submitLabel={t('users.create')}>
          <TextField name="name" label={t('users.name')} required maxLength={200} />
          <TextField name="email" label={t('users.email')} type="email" required maxLength={254} />
          <TextField name="password" label={t('users.password')} type="password" required maxLength={128} autoComplete="new-password" />
          <p className="muted">{t('account.password.rules')}</p>
          <CheckboxGroup name="roles" legend={t('users.roles')} options={roleOptions(t)} />
          <p className="muted">{t('users.crmAdminIncludesCrm')}</p>
          <SelectField name="locale" label={t('users.locale')} options={localeOptions(t)} defaultValue="de" />
        </ActionForm>
      </section>
    </>
  );
}
