// Conformance of the CRM property registry (lib/crm/properties.ts): every property reaches every
// surface it declares (filter parsing, SQL, filter options, group labels, CSV columns, the Daten
// Manager, its form and the Verlauf), and no surface has a CRM entry the registry does not declare.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { contactAttributesSchema } from '@/lib/crm/contacts';
import { DIMENSION_KEYS, DIMENSIONS, FILTER_BAR, GROUP_KEYS, ID_FILTERS, type DimensionKey } from '@/lib/crm/dashboard/dimensions';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { dashboardExportColumns } from '@/lib/crm/dashboard/export-rows';
import { dashboardFilterOptions } from '@/lib/crm/dashboard/options';
import { emptyDashboardParams, parseDashboardParams, serialiseDashboardParams, type GroupKey } from '@/lib/crm/dashboard/params';
import { parameterLabel } from '@/lib/crm/dashboard/problems';
import { summariseDashboard } from '@/lib/crm/dashboard/queries';
import { contactAttributesView, partnerCrmFormView, ticketCrmPanelView, type CrmFormData } from '@/lib/crm/forms/queries';
import { historyProperty, type CrmSnapshot, type HistoryField } from '@/lib/crm/history-fields';
import { CRM_PROPERTIES, crmProperty, type CrmPropertyKey, type PropertyEntity } from '@/lib/crm/properties';
import { partnerCrmSchema, ticketCrmSchema } from '@/lib/crm/schemas';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import { parseExportRequest } from '@/lib/data-manager/params';
import { previewExport } from '@/lib/data-manager/queries';
import { translator } from '@/lib/i18n';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let user: SessionUser;
const de = translator('de');
const en = translator('en');
const KEYS = Object.keys(CRM_PROPERTIES) as CrmPropertyKey[];
const ENTITY_EXPORT = { ticket: 'tickets', partner: 'partners', contact: 'contacts' } as const;

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  user = sessionUser(db, 'crm@example.com');
});

async function csvRows(query: string): Promise<string[][]> {
  const stream = dashboardExportStream(user, parseDashboardParams(new URLSearchParams(query)).params, 'rfc4180');
  return Papa.parse<string[]>(await new Response(stream).text(), { skipEmptyLines: true }).data;
}

function formOf(entity: PropertyEntity): CrmFormData {
  const firstId = (table: 'tickets' | 'partners' | 'contacts') => Number(db.$client.prepare(`select min(id) from ${table}${table === 'tickets' ? ' where crm_enabled = 1' : ''}`).pluck().get());
  if (entity === 'ticket') return ticketCrmPanelView(db, user, firstId('tickets'), 1)!.form;
  if (entity === 'partner') return partnerCrmFormView(db, user, firstId('partners'), 1)!.form;
  return contactAttributesView(db, user, firstId('contacts'))!.form;
}

const FORM_SCHEMAS: Record<PropertyEntity, readonly string[]> = {
  ticket: Object.keys(ticketCrmSchema('de').shape),
  partner: Object.keys(partnerCrmSchema.shape),
  contact: Object.keys(contactAttributesSchema.shape),
};

describe('every CRM property', () => {
  it.each(KEYS.map((key) => [key]))('%s has its words in German and English', (key) => {
    const property = crmProperty(key);
    const labels = [property.label, property.dashboard?.label, property.dashboard?.emptyLabel, property.dashboardCsv?.header].filter((label) => label !== undefined);
    for (const label of labels) {
      expect(de(label), label).not.toBe(label);
      expect(en(label), label).not.toBe(label);
    }
  });

  it.each(DIMENSION_KEYS.map((key) => [key]))('%s reaches the dashboard: filter parsing, SQL, options and labels', (key: DimensionKey) => {
    const dim = DIMENSIONS[key];
    expect(parameterLabel(key)).toBe(dim.label);
    if (dim.filter) {
      expect(ID_FILTERS).toContain(key);
      const parsed = parseDashboardParams(new URLSearchParams(`${key}=7&${key}=none&${key}=x`));
      expect(parsed.params.filters[key as (typeof ID_FILTERS)[number]]).toEqual({ ids: [7], none: true });
      expect(parsed.problems).toEqual([{ param: key, value: 'x', problem: 'invalid' }]);
      expect(serialiseDashboardParams(parsed.params).getAll(key)).toEqual(['7', 'none']);
      // The SQL: tickets with the field empty and tickets with any value partition the view.
      const base = emptyDashboardParams();
      const total = summariseDashboard(db, user, base, de).total.count;
      const none = summariseDashboard(db, user, withFilter(key, { ids: [], none: true }), de).total.count;
      expect(none).toBeLessThan(total);
    }
    if (dim.filter === 'bar') {
      expect(FILTER_BAR).toContain(key);
      const options = dashboardFilterOptions(db, user, emptyDashboardParams(), { partner: 'a', contact: 'a' });
      expect(options[key as (typeof FILTER_BAR)[number]].length, `${key} options`).toBeGreaterThan(0);
    }
    if (dim.group) expect(GROUP_KEYS).toContain(key);
  });

  it.each(GROUP_KEYS.map((key) => [key]))('%s groups with labels, filters to each group and leads the CSV', async (key: GroupKey) => {
    const dim = DIMENSIONS[key];
    const params = { ...emptyDashboardParams(), groupBy: [key] };
    const groups = summariseDashboard(db, user, params, de).groups;
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) {
      expect(group.label).not.toMatch(/^#/);
      if (group.id === null) expect(group.label).toBe(de(dim.emptyLabel));
    }
    // Filtering by a group's value finds exactly the group's tickets (ticket status is its own parameter).
    if (dim.filter) {
      for (const group of groups.slice(0, 4)) {
        const choice = group.id === null ? { ids: [], none: true } : { ids: [Number(group.id)], none: false };
        expect(summariseDashboard(db, user, withFilter(key, choice), de).total.count, `${key}=${group.id}`).toBe(group.count);
      }
    }
    expect(dashboardExportColumns(params, de)[0].header).toBe(de(dim.label));
    const [, ...rows] = await csvRows(`groupBy=${key}`);
    const labels = new Set(groups.map((group) => group.label));
    for (const row of rows) for (const label of dim.value && 'bridge' in dim.value ? row[0].split(', ') : [row[0]]) expect(labels).toContain(label);
  });

  it.each(KEYS.filter((key) => crmProperty(key).dashboardCsv).map((key) => [key]))('%s has its column in the dashboard CSV', async (key) => {
    const column = crmProperty(key).dashboardCsv!;
    const [header, ...rows] = await csvRows('groupBy=none');
    const index = header.indexOf(de(column.header));
    expect(index).toBeGreaterThan(-1);
    expect(rows.some((row) => row[index] !== '')).toBe(true);
  });

  it.each(KEYS.filter((key) => crmProperty(key).dataManager).map((key) => [key]))('%s is a CRM column of the Daten Manager', (key) => {
    const property = crmProperty(key);
    const entity = ENTITY_EXPORT[property.entity];
    const columnKey = property.field ?? key;
    const column = DATA_COLUMNS[entity].find((candidate) => candidate.key === columnKey);
    expect(column).toMatchObject({ crm: true, label: property.label, type: property.dataManager!.type });
    const { request } = parseExportRequest(entity, { columns: columnKey }, user);
    const preview = previewExport(db.$client, user, request!, de);
    expect(preview.header).toEqual([de(property.label)]);
    expect(preview.rows.length).toBeGreaterThan(0);
    // A user without crm is refused the column.
    expect(parseExportRequest(entity, { columns: columnKey }, { roles: [] }).problem?.problem).toBe('crmForbidden');
  });

  it.each(KEYS.filter((key) => crmProperty(key).form).map((key) => [key]))('%s is a field of its CRM form, read by the form schema', (key) => {
    const property = crmProperty(key);
    const field = property.form!;
    const form = formOf(property.entity);
    expect(form.values[field.name], field.name).not.toBeUndefined();
    if (field.control === 'lookup' || field.control === 'checkboxes') expect(form.options[field.name]?.length, field.name).toBeGreaterThan(0);
    expect(FORM_SCHEMAS[property.entity]).toContain(field.name);
    if (field.control === 'checkboxes' && field.create) expect(FORM_SCHEMAS[property.entity]).toContain(field.create);
  });

  it.each(KEYS.filter((key) => crmProperty(key).history).map((key) => [key]))('%s is labelled and formatted in the Verlauf', (key) => {
    const property = crmProperty(key);
    expect(property.entity).not.toBe('contact');
    expect(historyProperty(property.entity as 'ticket' | 'partner', property.field!)).toBe(property);
  });
});

describe('the surfaces hold no CRM entry of their own', () => {
  it('every CRM column of the Daten Manager is a registry property', () => {
    for (const [entity, columns] of Object.entries(DATA_COLUMNS)) {
      for (const column of columns.filter((candidate) => candidate.crm)) {
        expect(KEYS.some((key) => ENTITY_EXPORT[crmProperty(key).entity] === entity && (crmProperty(key).field ?? key) === column.key), `${entity}.${column.key}`).toBe(true);
      }
    }
  });

  it('types a history snapshot by the registry: a wrong field is a compile error', () => {
    const ticketFields: HistoryField<'ticket'>[] = ['crmEnabled', 'crmStatus', 'probability', 'potential', 'campaigns', 'products', 'expectedUsers'];
    const snapshot: CrmSnapshot<'partner'> = { partnerStatus: 'Kunde', comment1: null };
    // @ts-expect-error `crmStatus` is a ticket field, not a partner field.
    const wrong: CrmSnapshot<'partner'> = { crmStatus: 'Angebot' };
    expect(ticketFields.every((field) => historyProperty('ticket', field))).toBe(true);
    expect(Object.keys(snapshot).every((field) => historyProperty('partner', field))).toBe(true);
    expect(historyProperty('partner', Object.keys(wrong)[0])).toBeUndefined();
  });
});

function withFilter(key: DimensionKey, choice: { ids: number[]; none: boolean }) {
  const params = emptyDashboardParams();
  params.groupBy = [];
  params.filters[key as (typeof ID_FILTERS)[number]] = choice;
  return params;
}
