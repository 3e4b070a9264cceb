// "Veraltet nach N Tagen" per CRM status in the administration (SPEC section 17): stored, edited,
// cleared, kept when a form leaves it out, refused outside 1–3650 with the field named, written by
// crm_admin only, and read by the dashboard's value context for statuses of phase open only.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { crmTicketStatuses } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { valueContext } from '@/lib/crm/dashboard/filter-sql';
import { addLookupEntry, updateLookupEntry } from '@/lib/lookups/mutations';
import { listLookupEntries } from '@/lib/lookups/queries';
import { addEntrySchema, updateEntrySchema } from '@/lib/lookups/schemas';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let admin: SessionUser;
let crmUser: SessionUser;

const statusNamed = (name: string) => db.select().from(crmTicketStatuses).where(eq(crmTicketStatuses.name, name)).get()!;
const add = (fields: Record<string, string>) => addEntrySchema('de').safeParse({ list: 'crmTicketStatuses', ...fields });
const updateFields = (name: string, fields: Record<string, string>) => ({
  list: 'crmTicketStatuses',
  id: String(statusNamed(name).id),
  version: String(statusNamed(name).version),
  name,
  ...fields,
});
const update = (name: string, fields: Record<string, string>, user = admin) =>
  updateLookupEntry(db, user, updateEntrySchema('de').parse(updateFields(name, fields)));

beforeEach(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  admin = sessionUser(db, 'admin@example.com');
  crmUser = sessionUser(db, 'crm@example.com');
});

describe('veraltet nach N Tagen', () => {
  it('comes with the demo rules on the open statuses and none on won and lost', () => {
    const rules = Object.fromEntries(listLookupEntries(db, admin, 'crmTicketStatuses').map((entry) => [entry.name, entry.staleAfterDays]));
    expect(rules).toMatchObject({ 'Bedarf ermittelt': 30, 'Informationen zugesandt': 14, 'Angebot erstellt': 21, Verhandlung: 14 });
    for (const entry of listLookupEntries(db, admin, 'crmTicketStatuses').filter((status) => status.phase !== 'open'))
      expect(entry.staleAfterDays).toBeNull();
  });

  it('stores a rule on a new status, and none when the field is empty', () => {
    const parsed = add({ name: 'Testphase', phase: 'open', color: '#000000', staleAfterDays: ' 7 ' });
    expect(parsed.success && addLookupEntry(db, admin, parsed.data)).toMatchObject({ ok: true });
    const never = add({ name: 'Ohne Regel', phase: 'open', color: '#000000', staleAfterDays: '' });
    expect(never.success && addLookupEntry(db, admin, never.data)).toMatchObject({ ok: true });
    expect(statusNamed('Testphase').staleAfterDays).toBe(7);
    expect(statusNamed('Ohne Regel').staleAfterDays).toBeNull();
  });

  it('accepts 1 and 3650 and refuses everything else, naming the field', () => {
    for (const days of ['1', '3650']) expect(add({ name: 'X', phase: 'open', color: '#000000', staleAfterDays: days }).success).toBe(true);
    for (const days of ['0', '3651', '-1', '1.5', '1,5', 'abc', '14 Tage', '1e3', '99999999999'])
      expect(add({ name: 'X', phase: 'open', color: '#000000', staleAfterDays: days }).error?.issues).toEqual([
        expect.objectContaining({ path: ['staleAfterDays'], message: 'crmAdmin.error.staleAfterDays' }),
      ]);
  });

  it('edits, keeps when the form leaves it out, and clears the rule; a refused edit changes nothing', () => {
    expect(update('Angebot erstellt', { staleAfterDays: '45' })).toMatchObject({ ok: true });
    expect(statusNamed('Angebot erstellt').staleAfterDays).toBe(45);
    expect(update('Angebot erstellt', {})).toMatchObject({ ok: true });
    expect(statusNamed('Angebot erstellt').staleAfterDays).toBe(45);
    const before = statusNamed('Angebot erstellt');
    expect(updateEntrySchema('de').safeParse(updateFields('Angebot erstellt', { staleAfterDays: '0' })).success).toBe(false);
    expect(statusNamed('Angebot erstellt')).toEqual(before);
    expect(update('Angebot erstellt', { staleAfterDays: '' })).toMatchObject({ ok: true });
    expect(statusNamed('Angebot erstellt').staleAfterDays).toBeNull();
  });

  it('is written by crm_admin only', () => {
    expect(() => update('Verhandlung', { staleAfterDays: '3' }, crmUser)).toThrow(AccessDenied);
    expect(statusNamed('Verhandlung').staleAfterDays).toBe(14);
  });

  it('counts for the dashboard on statuses of phase open only', () => {
    const ruleOf = (name: string) => valueContext(db.$client).stale.find((rule) => rule.id === statusNamed(name).id);
    expect(ruleOf('Verhandlung')).toMatchObject({ days: 14 });
    const won = listLookupEntries(db, admin, 'crmTicketStatuses').find((entry) => entry.phase === 'won')!;
    expect(update(won.name, { staleAfterDays: '5' })).toMatchObject({ ok: true });
    expect(ruleOf(won.name)).toBeUndefined();
    expect(update('Verhandlung', { phase: 'lost' })).toMatchObject({ ok: true });
    expect(ruleOf('Verhandlung')).toBeUndefined();
  });
});
