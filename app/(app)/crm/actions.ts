'use server';
// The dashboard's group tree with JavaScript: an opened leaf group loads its tickets here.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { defineReadAction } from '@/lib/action';
import { parseGroupPath } from '@/lib/crm/dashboard/group-path';
import { readDashboardGroup } from '@/lib/crm/dashboard/page-data';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { presentTicket, type TicketRow } from '@/lib/crm/dashboard/present';
import { formatter, translator } from '@/lib/i18n';
import { crmStatusStyles } from '@/lib/lookups/queries';
import { heavyRead } from '@/lib/server-load/heavy-reads';

export type GroupTicketsAnswer = { ok: true; rows: TicketRow[]; more: boolean } | { ok: false; error: string };

/** `(query)`: the view's query string with the group as `open=`. */
const groupArgs = z.tuple([z.string().max(4000)]).rest(z.unknown());

/** Up to 100 tickets of a leaf group (crm only). */
export const loadDashboardGroupAction: (query: unknown) => Promise<GroupTicketsAnswer> = defineReadAction(
  { args: groupArgs, role: 'crm', invalid: 'dashboard.groupInvalid', refused: (error): GroupTicketsAnswer => ({ ok: false, error }) },
  async ([query], user): Promise<GroupTicketsAnswer> => {
    const search = new URLSearchParams(query);
    const { params } = parseDashboardParams(search);
    const { path } = parseGroupPath(search.get('open') ?? undefined, params.groupBy);
    if (!path) return { ok: false, error: translator(user.locale)('dashboard.groupInvalid') };
    const { tickets, more } = await heavyRead(user.id, () => readDashboardGroup(getDb(), { user, params, path }));
    const format = formatter(user.locale);
    const statuses = crmStatusStyles(getDb(), user);
    return { ok: true, rows: tickets.map((ticket) => presentTicket(ticket, format, statuses)), more };
  },
);
