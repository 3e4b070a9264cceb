// The signed-in area's frame. It draws the navigation; every page still checks access itself.
import { AppHeader } from '@/components/shell/app-header';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { t } = await getI18n();
  return (
    <>
      <AppHeader user={user} t={t} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
