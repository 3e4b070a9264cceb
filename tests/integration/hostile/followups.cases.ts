// Hostile-input cases of the follow-ups (SPEC section 17): a row's Erledigt and +1 Tag / +1 Woche on
// "Meine Wiedervorlagen", and the calendar feed's create and revoke. An accepted row action changed
// only the CRM ticket's next action (never a deal-moving field) to what the form said; the feed's
// actions take no input and always act on the signed-in user's own feed.
import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { calendarFeeds, tickets } from '@/db/schema';
import { addDays, berlinIsoDate } from '@/lib/csv/berlin-calendar';
import type { Fixture } from '../../support/hostile-fixture';
import type { HostileCase } from '../../support/hostile-actions';
import type { Fields } from '../../support/hostile-form';

const FOLLOWUPS = 'app/(app)/crm/followups/actions.ts';
const CALENDAR = 'app/(app)/account/calendar/actions.ts';

const row = (fx: Fixture): Fields => ({ id: String(fx.tickets.crm), crmVersion: '1', listAssignee: '', listSection: '', listPage: '' });

/** The CRM ticket's next action and its deal-moving columns as stored. */
const stored = (fx: Fixture) =>
  fx.db
    .select({
      at: tickets.nextActionAt,
      text: tickets.nextActionText,
      moved: tickets.crmMovedAt,
      version: tickets.crmVersion,
      status: tickets.crmStatusId,
      probability: tickets.probability,
    })
    .from(tickets)
    .where(eq(tickets.id, fx.tickets.crm))
    .get()!;

const rowExtra = (fx: Fixture) => ({
  id: [String(fx.tickets.crm), String(fx.tickets.plain), '0', 'x'],
  crmVersion: ['1', '2', '0', 'x'],
  listAssignee: [String(fx.tess.id), 'abc', '-1'],
  listSection: ['overdue', 'today', 'week', 'later', 'nonsense'],
  listPage: ['1', '2', '0', 'x'],
  fromSection: ['today', 'nonsense', ''],
});

export const FOLLOWUP_CASES: Record<string, HostileCase> = {
  [`${FOLLOWUPS}#completeFollowupAction`]: {
    base: (fx): Fields[] => [
      row(fx),
      { ...row(fx), nextAction: '2027-01-15', nextActionTime: '09:30', nextActionText: 'Angebot nachfassen' },
    ],
    extra: (fx) => ({
      ...rowExtra(fx),
      nextAction: ['2027-01-15', '2026-02-30', '15.01.2027', ' 2027-01-15 ', ''],
      nextActionTime: ['09:30', '24:00', '9:30', '09:30:15', ''],
      nextActionText: ['Rückruf; Budget, klären', 'x'.repeat(2001), ''],
    }),
    seeded: stored,
    accepted: ({ fx, sent, seeded, redirect }) => {
      expect(redirect).toMatch(/^\/crm\/followups(\?|$)/);
      expect(Number(sent.one('id'))).toBe(fx.tickets.crm);
      const before = seeded as ReturnType<typeof stored>;
      const after = stored(fx);
      const date = (sent.one('nextAction') ?? '').trim();
      const time = (sent.one('nextActionTime') ?? '').trim().slice(0, 5);
      expect(after.at).toBe(date === '' ? null : time === '' ? date : `${date}T${time}`);
      if (date === '') expect(after.text).toBe('');
      expect(after.version).toBe(before.version + 1);
      // Nothing that moves the deal on.
      expect([after.moved, after.status, after.probability]).toEqual([before.moved, before.status, before.probability]);
    },
  },

  [`${FOLLOWUPS}#postponeFollowupAction`]: {
    base: (fx): Fields[] => [
      { ...row(fx), step: 'day' },
      { ...row(fx), step: 'week' },
    ],
    extra: (fx) => ({ ...rowExtra(fx), step: ['day', 'week', 'month', '1', ''] }),
    seeded: stored,
    accepted: ({ fx, sent, seeded, redirect }) => {
      expect(redirect).toMatch(/^\/crm\/followups(\?|$)/);
      const before = seeded as ReturnType<typeof stored>;
      const after = stored(fx);
      const today = berlinIsoDate(Date.now());
      const from = before.at === null || before.at.slice(0, 10) < today ? today : before.at.slice(0, 10);
      expect(after.at!.slice(0, 10)).toBe(addDays(from, sent.one('step') === 'week' ? 7 : 1));
      expect(after.at!.slice(10)).toBe(before.at?.slice(10) ?? '');
      expect(after.text).toBe(before.text);
      expect([after.moved, after.status, after.probability]).toEqual([before.moved, before.status, before.probability]);
    },
  },

  [`${CALENDAR}#createCalendarFeedAction`]: {
    // Neither form sends a field; whatever a hand-made request adds is ignored.
    base: () => ({ userId: '1' }),
    extra: { token: ['abc'], userId: ['1', '2'] },
    neverRefuses: true,
    accepted: ({ fx, returned }) => {
      const active = fx.db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, fx.tess.id), isNull(calendarFeeds.revokedAt)))
        .all();
      expect(active).toHaveLength(1);
      const address = (returned as { data?: { address?: string } }).data?.address ?? '';
      expect(address).toMatch(/\/api\/v1\/crm\/followups\.ics\?token=[\w-]{43,}$/);
      // Only the hash is kept.
      expect(active[0].tokenHash).not.toContain(address.split('token=')[1]);
    },
  },

  [`${CALENDAR}#revokeCalendarFeedAction`]: {
    // Neither form sends a field; whatever a hand-made request adds is ignored.
    base: () => ({ userId: '1' }),
    extra: { token: ['abc'], userId: ['1', '2'] },
    neverRefuses: true,
    accepted: ({ fx, redirect }) => {
      expect(redirect).toMatch(/^\/account\/calendar\?revoked=/);
      expect(
        fx.db
          .select()
          .from(calendarFeeds)
          .where(and(eq(calendarFeeds.userId, fx.tess.id), isNull(calendarFeeds.revokedAt)))
          .all(),
      ).toHaveLength(0);
    },
  },
};
