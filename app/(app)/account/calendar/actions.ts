'use server';
// The signed-in crm user's own calendar feed: create (revoking the previous one) and revoke.
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { feedAddress, publicOrigin } from '@/lib/crm/followups/feed-address';
import { createCalendarFeed, revokeCalendarFeed } from '@/lib/crm/followups/feed-tokens';
import type { MutationResult } from '@/lib/result';

/** Neither form sends anything: the feed is always the signed-in user's own. */
const noInput = z.object({});

export type CreatedFeed = { address: string; since: number };

/** A new feed address, answered once in the form's state and never stored in clear. */
export const createCalendarFeedAction = defineAction(
  {
    schema: noInput,
    role: 'crm',
    success: 'calendar.created',
    revalidate: '/account/calendar',
    data: (result: MutationResult<CreatedFeed>): CreatedFeed | undefined => (result.ok ? result.data : undefined),
  },
  async (_input, user): Promise<MutationResult<CreatedFeed>> => {
    const result = createCalendarFeed(getDb(), user);
    if (!result.ok) return result;
    const origin = publicOrigin(await headers());
    return { ok: true, data: { address: feedAddress(origin, result.data.token), since: result.data.createdAt.getTime() } };
  },
);

/**
 * Ends the user's feed: the address answers 404 from now on. The page then has no revoke form to
 * show the answer in, so it goes on to the page saying so (`revoked=`, new each time).
 */
export const revokeCalendarFeedAction = defineAction(
  {
    schema: noInput,
    role: 'crm',
    revalidate: '/account/calendar',
    redirect: () => `/account/calendar?revoked=${Date.now().toString(36)}`,
  },
  (_input, user) => revokeCalendarFeed(getDb(), user),
);
