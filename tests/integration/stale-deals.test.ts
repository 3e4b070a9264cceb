// Staleness is judged by a ticket's last CRM change (SPEC section 17), kept in tickets.crm_moved_at by
// the trigger of migration 0005 from every Verlauf entry of a field that moves the deal on. The trigger's
// list of fields is the property registry's (`movesDeal`), and the Verlauf's writers keep the column true.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { CRM_PROPERTIES, type CrmProperty } from '@/lib/crm/properties';
import { freshAppDb } from '../support/db';

let db: Db;

beforeEach(() => {
  db = freshAppDb();
});

describe('the last CRM change', () => {
  it('is moved by exactly the registry fields that move the deal on', () => {
    const declared = (Object.values(CRM_PROPERTIES) as CrmProperty[])
      .filter((property) => property.entity === 'ticket' && property.movesDeal)
      .map((property) => property.field)
      .sort();
    const trigger = db.$client
      .prepare("select sql from sqlite_master where type = 'trigger' and name = 'crm_changes_moves_deal'")
      .pluck()
      .get() as string;
    const listed = [.../IN \(([^)]*)\)/.exec(trigger)![1].matchAll(/'(\w+)'/g)].map((match) => match[1]).sort();
    expect(listed).toEqual(declared);
    expect(declared).toEqual(['campaigns', 'crmStatus', 'expectedClose', 'potential', 'probability', 'products']);
  });
});
