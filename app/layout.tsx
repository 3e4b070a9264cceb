import type { Metadata } from 'next';
import { getI18n } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = { title: { default: 'Ticket-CRM', template: '%s · Ticket-CRM' } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
