// The tabs of a partner page, one list for every tab: later issues add theirs here (the CRM tab for
// `crm` users), each with its path below /partners/[id] and the role it needs.
import Link from 'next/link';
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { MessageKey, Translate } from '@/lib/i18n';

export type PartnerTab = { segment: string; label: MessageKey; role?: Role };

export const PARTNER_TABS: PartnerTab[] = [
  { segment: '', label: 'partners.tab.masterData' },
  { segment: 'crm', label: 'crm.tab.title', role: 'crm' },
];

export function partnerTabsFor(roles: readonly Role[]): PartnerTab[] {
  return PARTNER_TABS.filter((tab) => !tab.role || hasRole({ roles }, tab.role));
}

export function PartnerTabs({
  partnerId,
  current,
  roles,
  t,
}: {
  partnerId: number;
  current: string;
  roles: readonly Role[];
  t: Translate;
}) {
  return (
    <nav aria-label={t('partners.tabs')} className="tabs">
      <ul>
        {partnerTabsFor(roles).map((tab) => (
          <li key={tab.segment}>
            <Link
              href={tab.segment ? `/partners/${partnerId}/${tab.segment}` : `/partners/${partnerId}`}
              aria-current={tab.segment === current ? 'page' : undefined}
            >
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
