// Which columns the import writes and how: derived from the export's columns and the CRM registry.
import { describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES } from '@/db/schema';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import { IMPORT_FIELDS } from '@/lib/import/plan/fields';

const kinds = (entity: (typeof EXPORT_ENTITIES)[number]) =>
  Object.fromEntries(IMPORT_FIELDS[entity].map((field) => [field.key, field.write.kind]));

describe('IMPORT_FIELDS', () => {
  it('has one field per export column, in the export order', () => {
    for (const entity of EXPORT_ENTITIES) {
      expect(IMPORT_FIELDS[entity].map((field) => field.key)).toEqual(DATA_COLUMNS[entity].map((column) => column.key));
    }
  });

  it('writes stored columns, lookups by name, bridges by names and partners by GPID or name', () => {
    expect(kinds('partners')).toMatchObject({
      gpid: 'stored',
      name: 'stored',
      partnerStatus: 'lookup',
      campaigns: 'lookups',
      products: 'lookups',
      attributes: 'lookups',
      employeeCount: 'stored',
      revenueGroup: 'lookup',
      newsletter: 'stored',
    });
    expect(kinds('contacts')).toMatchObject({
      id: 'readOnly',
      partnerName: 'partner',
      partnerGpid: 'partner',
      lastName: 'stored',
      attributes: 'lookups',
    });
    expect(kinds('tickets')).toMatchObject({
      number: 'readOnly',
      status: 'ticketStatus',
      partner: 'partner',
      crmStatus: 'lookup',
      potential: 'stored',
      products: 'lookups',
      expectedClose: 'stored',
      lostReason: 'lookup',
    });
  });

  it('leaves derived values and stamps read-only', () => {
    expect(kinds('partners').companySize).toBe('readOnly');
    expect(kinds('tickets')).toMatchObject({
      phase: 'readOnly',
      createdAt: 'readOnly',
      updatedAt: 'readOnly',
      assignee: 'readOnly',
      contact: 'readOnly',
    });
  });
});
