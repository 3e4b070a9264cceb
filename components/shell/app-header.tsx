// The header of every signed-in page: navigation by role, and the user menu.
import Link from 'next/link';
import { LOCALES } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { Translate } from '@/lib/i18n';
import { setLocaleAction, signOutAction } from '@/app/(app)/actions';
import { MenuDetails } from '@/components/ui/menu-details';
import { NavLink } from './nav-link';
import { navItemsFor } from './navigation';

export function AppHeader({ user, t }: { user: SessionUser; t: Translate }) {
  const navItems = navItemsFor(user.roles);
  const navHrefs = navItems.map((item) => item.href);
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <Link href="/" className="brand">
        {t('app.name')}
      </Link>
      {/* On a phone the navigation opens from a menu button; on a wide screen it stands in the header. */}
      <MenuDetails className="nav-menu">
        <summary>
          <span className="nav-menu-icon" aria-hidden="true">
            ☰
          </span>
          {t('nav.menu')}
        </summary>
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            {navItems.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} siblings={navHrefs}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </MenuDetails>
      {/* Keyed by language: after a switch the menu closes and shows the new choice. */}
      <MenuDetails className="user-menu" key={user.locale}>
        <summary aria-label={`${t('nav.userMenu')}: ${user.name}`}>{user.name}</summary>
        <div className="user-menu-panel">
          <p className="muted">{user.email}</p>
          <form action={setLocaleAction} className="inline-form">
            <label htmlFor="locale">{t('nav.language')}</label>
            <select id="locale" name="locale" defaultValue={user.locale}>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`language.${locale}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              {t('common.save')}
            </button>
          </form>
          <Link href="/account/password">{t('nav.changePassword')}</Link>
          {hasRole(user, 'crm') && <Link href="/account/calendar">{t('calendar.nav')}</Link>}
          <form action={signOutAction}>
            <button type="submit" className="button">
              {t('nav.logout')}
            </button>
          </form>
        </div>
      </MenuDetails>
    </header>
  );
}
