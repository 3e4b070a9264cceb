// Headers to data-manager columns: our labels in both languages, problems, and the saved mapping's schema.
import { describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES } from '@/db/schema';
import { dashboardExportColumns } from '@/lib/crm/dashboard/export-rows';
import { emptyDashboardParams } from '@/lib/crm/dashboard/params';
import { DATA_COLUMNS, findDataColumn } from '@/lib/data-manager/columns';
import { translator } from '@/lib/i18n';
import { de, en } from '@/lib/i18n/dictionaries';
import { importMappingSchema, mapHeaders } from '@/lib/import/parse/headers';

describe('mapHeaders', () => {
  for (const entity of EXPORT_ENTITIES) {
    for (const [language, dictionary] of [
      ['German', de],
      ['English', en],
    ] as const) {
      it(`maps every ${entity} label in ${language} to its column, CRM columns named`, () => {
        const columns = DATA_COLUMNS[entity];
        const mapping = mapHeaders(
          entity,
          columns.map((column) => dictionary[column.label]),
        );
        expect(mapping.keys).toEqual(columns.map((column) => column.key));
        expect(mapping.crmKeys).toEqual(columns.filter((column) => column.crm).map((column) => column.key));
        expect(mapping.problems).toEqual([]);
      });
    }

    it(`finds no ${entity} label that means two columns across the languages`, () => {
      const owners = new Map<string, Set<string>>();
      for (const column of DATA_COLUMNS[entity]) {
        for (const label of [de[column.label], en[column.label]]) {
          const name = label.trim().toLowerCase();
          owners.set(name, (owners.get(name) ?? new Set()).add(column.key));
        }
      }
      expect([...owners].filter(([, keys]) => keys.size > 1)).toEqual([]);
    });
  }

  it('matches trimmed, case-insensitive, with blanks collapsed; a quote before a label is no neutralising one', () => {
    expect(mapHeaders('partners', ['  plz ', 'E-MAIL', 'search   NAME', "'Name"]).keys).toEqual(['postcode', 'email', 'searchName', null]);
  });

  it('names the header line it is given', () => {
    expect(mapHeaders('partners', ['Farbe'], {}, 3).problems).toMatchObject([{ line: 3, reason: 'import.parse.unknownHeader' }]);
  });

  it('maps an empty header to nothing without a problem of its own (readCsv reports it)', () => {
    expect(mapHeaders('partners', ['PLZ', ' '])).toEqual({ keys: ['postcode', null], crmKeys: [], problems: [] });
  });

  it('maps German and English headers mixed in one file', () => {
    expect(mapHeaders('tickets', ['Nummer', 'Title', 'CRM-Status', 'Expected close']).keys).toEqual([
      'number',
      'title',
      'crmStatus',
      'expectedClose',
    ]);
  });

  it('reports unknown headers and a column mapped twice, the second header left out', () => {
    const mapping = mapHeaders('contacts', ['E-Mail', 'Lieblingsfarbe', 'Email']);
    expect(mapping.keys).toEqual(['email', null, null]);
    expect(mapping.problems).toEqual([
      { line: 1, column: 'Lieblingsfarbe', value: 'Lieblingsfarbe', reason: 'import.parse.unknownHeader' },
      { line: 1, column: 'Email', value: 'Email', reason: 'import.parse.columnTwice' },
    ]);
  });

  it('takes a saved mapping first: a key for a foreign header, null to leave a column out', () => {
    const mapping = mapHeaders('partners', ['Firma', 'PLZ', 'Notiz', 'Potenzial'], {
      firma: 'name',
      Notiz: null,
      Potenzial: 'revenueGroup',
    });
    expect(mapping.keys).toEqual(['name', 'postcode', null, 'revenueGroup']);
    expect(mapping.crmKeys).toEqual(['revenueGroup']);
    expect(mapping.problems).toEqual([]);
  });
});

describe('importMappingSchema', () => {
  it('accepts headers mapped to the entity’s keys or null', () => {
    const mapping = { Firma: 'name', Notiz: null, 'Umsatz-Gruppe': 'revenueGroup' };
    expect(importMappingSchema('partners').parse(mapping)).toEqual(mapping);
  });

  it('refuses a key of another entity, a column twice, a header twice and an empty header', () => {
    const schema = importMappingSchema('partners');
    expect(schema.safeParse({ Nummer: 'number' }).success).toBe(false);
    const twice = schema.safeParse({ Firma: 'name', Name: 'name' });
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual(['import.parse.columnTwice']);
    const header = schema.safeParse({ Firma: 'name', ' firma': null });
    expect(header.error?.issues.map((issue) => issue.message)).toEqual(['import.parse.headerTwice']);
    expect(schema.safeParse({ '': 'name' }).success).toBe(false);
    expect(schema.safeParse({ '  ': null }).success).toBe(false);
    expect(schema.safeParse({ Firma: 3 }).success).toBe(false);
    expect(schema.safeParse(['name']).success).toBe(false);
  });
});

describe('mapHeaders over the CRM dashboard CSV', () => {
  for (const locale of ['de', 'en'] as const) {
    it(`maps its ticket columns (${locale}) to the data manager's keys of the same CSV type, and no others`, () => {
      const columns = dashboardExportColumns({ ...emptyDashboardParams(), groupBy: [] }, translator(locale));
      const mapping = mapHeaders(
        'tickets',
        columns.map((column) => column.header),
      );
      const mapped = mapping.keys.flatMap((key, index) => (key === null ? [] : [[key, columns[index].type]]));
      expect(mapped).toEqual(mapped.map(([key]) => [key, findDataColumn('tickets', key)!.type]));
      expect(mapped.map(([key]) => key)).toEqual([
        'number',
        'title',
        'status',
        'partner',
        'contact',
        'crmStatus',
        'probability',
        'potential',
        'expectedUsers',
        'assignee',
        'products',
        'campaigns',
        'phase',
        'lostReason',
        'expectedClose',
        // Same labels as the data manager's; the dashboard writes the date in the dialect's notation.
        'nextAction',
        'nextActionText',
      ]);
      const unknown = mapping.problems.filter((found) => found.reason === 'import.parse.unknownHeader');
      expect(unknown.length).toBe(columns.length - mapped.length);
    });
  }
});
