// /account/calendar "Kalender-Abo": a crm user creates, replaces or revokes the personal calendar feed
// of their follow-ups. The address is shown once, in the create action's answer.
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { FEED_MAX_EVENTS } from '@/lib/crm/followups/feed-queries';
import { findFeedState } from '@/lib/crm/followups/feed-tokens';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { paramValues } from '@/lib/url-params';
import { createCalendarFeedAction, revokeCalendarFeedAction } from './actions';
import { CreatedAddress } from './created-address';

export const generateMetadata = () => pageTitle('calendar.title');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CalendarFeedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const feed = findFeedState(getDb(), user);
  // Set by the revoke action's redirect: new after every revoke, so the create form starts afresh.
  const revoked = paramValues(await searchParams, 'revoked')[0] ?? '';
  return (
    <>
      <h1 id="calendar-feed">{t('calendar.title')}</h1>
      <section className="card narrow stack" aria-labelledby="calendar-feed">
        <p>{t('calendar.intro', { max: format.integer(FEED_MAX_EVENTS) })}</p>
        <p className="muted">{t('calendar.secret')}</p>
        {revoked && !feed && (
          <p className="alert alert-ok" role="status">
            {t('calendar.revoked')}
          </p>
        )}
        <p>{feed ? t('calendar.active', { date: format.dateTime(feed.createdAt) }) : t('calendar.none')}</p>
        <ActionForm key={revoked} action={createCalendarFeedAction} submitLabel={feed ? t('calendar.replace') : t('calendar.create')}>
          <CreatedAddress
            activeSince={feed ? feed.createdAt.getTime() : null}
            words={{
              address: t('calendar.address'),
              copyHint: t('calendar.copyHint'),
              howto: t('calendar.howto'),
              outlook: t('calendar.howto.outlook'),
              thunderbird: t('calendar.howto.thunderbird'),
              google: t('calendar.howto.google'),
            }}
          />
        </ActionForm>
        {feed && <ActionForm action={revokeCalendarFeedAction} submitLabel={t('calendar.revoke')} submitClassName="button" />}
      </section>
    </>
  );
}
