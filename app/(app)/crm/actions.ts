'use server';
// The dashboard's group tree with JavaScript: an opened leaf group loads its tickets here.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser, hasRole } from '@/lib/auth/guards';
import { parseGroupPath } from '@/lib/crm/dashboard/group-path';
import { readDashboardGroup } from '@/lib/crm/dashboard/page-data';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { presentTicket, type TicketRow } from '@/lib/crm/dashboard/present';
import { formatter, translator } from '@/lib/i18n';
import { heavyRead } from '@/lib/server-load/heavy-reads';

export type GroupTicketsAnswer = { ok: true; rows: TicketRow[]; more: boolean } | { ok: false; error: string };

const querySchema = z.string().max(4000);

/** Up to 100 tickets of a leaf group (crm only): `query` is the view's query string with the group as `open=`. */
export async function loadDashboardGroupAction(query: unknown): Promise<GroupTicketsAnswer> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: translator('de')('error.unauthenticated') };
  const t = translator(user.locale);
  if (!hasRole(user, 'crm')) return { ok: false, error: t('error.forbidden') };
  const input = querySchema.safeParse(query);
  if (!input.success) return { ok: false, error: t('dashboard.groupInvalid') };
  const search = new URLSearchParams(input.data);
  const { params } = parseDashboardParams(search);
  const { path } = parseGroupPath(search.get('open') ?? undefined, params.groupBy);
  if (!path) return { ok: false, error: t('dashboard.groupInvalid') };
  const { tickets, more } = await heavyRead(user.id, () => readDashboardGroup(getDb(), { user, params, path }));
  const format = formatter(user.locale);
  return { ok: true, rows: tickets.map((ticket) => presentTicket(ticket, format)), more };
}
