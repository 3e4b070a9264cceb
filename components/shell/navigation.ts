// Which sections a user's roles open; the navigation and its tests read this one list.
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { MessageKey } from '@/lib/i18n';

export type NavItem = { href: string; label: MessageKey; role?: Role };

export const NAV_ITEMS: NavItem[] = [
  { href: '/ticketboard', label: 'nav.ticketboard' },
  { href: '/tickets', label: 'nav.tickets' },
  { href: '/partners', label: 'nav.partners' },
  { href: '/contacts', label: 'nav.contacts' },
  { href: '/crm', label: 'nav.crm', role: 'crm' },
  { href: '/crm/followups', label: 'followups.nav', role: 'crm' },
  { href: '/data-manager', label: 'nav.dataManager' },
  { href: '/admin/crm', label: 'nav.adminCrm', role: 'crm_admin' },
  { href: '/admin/users', label: 'nav.adminUsers', role: 'admin' },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.role || hasRole({ roles }, item.role));
}
