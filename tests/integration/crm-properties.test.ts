// Conformance of the CRM property registry (lib/crm/properties.ts): every property reaches every
// surface it declares (filter parsing, SQL, filter options, group labels, CSV columns, the Daten
// Manager, its form and the Verlauf), no surface has a CRM entry the registry does not declare, and
// the CRM record of tickets and partners (read, form, save, Verlauf) is walked from the registry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, getTableColumns } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { partners } from '@/db/schema';
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
import {
  contactAttributesView,
  partnerCrmFormView,
  ticketCrmPanelView,
  type CrmFormData,
  type CrmFormValue,
  type LookupOption,
} from '@/lib/crm/forms/queries';
import { listCrmHistory } from '@/lib/crm/history';
import { formatCrmValue, historyProperty, type CrmSnapshot, type HistoryField } from '@/lib/crm/history-fields';
import { savePartnerCrm } from '@/lib/crm/partners/mutations';
import { partnerHasCrmData } from '@/lib/crm/partners/queries';
import {
  CRM_PROPERTIES,
  crmProperty,
  propertiesOf,
  type CrmProperty,
  type CrmPropertyKey,
  type PropertyEntity,
} from '@/lib/crm/properties';
import { columnKey } from '@/lib/crm/record/fields';
import { crmFieldSchema, partnerCrmSchema, ticketCrmSchema } from '@/lib/crm/schemas';
import { saveTicketCrm } from '@/lib/crm/tickets/mutations';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import { parseExportRequest } from '@/lib/data-manager/params';
import { previewExport } from '@/lib/data-manager/queries';
import { formatter, translator } from '@/lib/i18n';
import { createPartner } from '@/lib/partners/mutations';
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
  const firstId = (table: 'tickets' | 'partners' | 'contacts') =>
    Number(
      db.$client
        .prepare(`select min(id) from ${table}${table === 'tickets' ? ' where crm_enabled = 1' : ''}`)
        .pluck()
        .get(),
    );
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
    const labels = [property.label, property.dashboard?.label, property.dashboard?.emptyLabel, property.dashboardCsv?.header].filter(
      (label) => label !== undefined,
    );
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
    for (const row of rows)
      for (const label of dim.value && 'bridge' in dim.value ? row[0].split(', ') : [row[0]]) expect(labels).toContain(label);
  });

  it.each(KEYS.filter((key) => crmProperty(key).dashboardCsv).map((key) => [key]))(
    '%s has its column in the dashboard CSV',
    async (key) => {
      const column = crmProperty(key).dashboardCsv!;
      const [header, ...rows] = await csvRows('groupBy=none');
      const index = header.indexOf(de(column.header));
      expect(index).toBeGreaterThan(-1);
      expect(rows.some((row) => row[index] !== '')).toBe(true);
    },
  );

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

  it.each(KEYS.filter((key) => crmProperty(key).form).map((key) => [key]))(
    '%s is a field of its CRM form, read by the form schema',
    (key) => {
      const property = crmProperty(key);
      const field = property.form!;
      const form = formOf(property.entity);
      expect(form.values[field.name], field.name).not.toBeUndefined();
      if (field.control === 'lookup' || field.control === 'checkboxes')
        expect(form.options[field.name]?.length, field.name).toBeGreaterThan(0);
      expect(FORM_SCHEMAS[property.entity]).toContain(field.name);
      if (field.control === 'checkboxes' && field.create) expect(FORM_SCHEMAS[property.entity]).toContain(field.create);
    },
  );

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
        expect(
          KEYS.some((key) => ENTITY_EXPORT[crmProperty(key).entity] === entity && (crmProperty(key).field ?? key) === column.key),
          `${entity}.${column.key}`,
        ).toBe(true);
      }
    }
  });

  it('types a history snapshot by the registry: a wrong field is a compile error', () => {
    const ticketFields: HistoryField<'ticket'>[] = [
      'crmEnabled',
      'crmStatus',
      'probability',
      'potential',
      'campaigns',
      'products',
      'expectedUsers',
    ];
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

// ---------------------------------------------------------------- the CRM record, walked by the registry

type RecordEntity = 'ticket' | 'partner';
const format = formatter('de');
const RECORD_ENTITIES: RecordEntity[] = ['ticket', 'partner'];

/** The record a property's round trip edits: the Verlustgrund goes with a lost status only (SPEC section 14). */
function recordId(entity: RecordEntity, key?: CrmPropertyKey): number {
  const query =
    entity === 'partner'
      ? 'select min(id) from partners'
      : key === 'lostReason'
        ? `select min(t.id) from tickets t join crm_ticket_statuses s on s.id = t.crm_status_id where t.crm_enabled = 1 and s.phase = 'lost'`
        : // Without a Verlustgrund, so that its status may change to any other.
          'select min(id) from tickets where crm_enabled = 1 and lost_reason_id is null';
  return Number(db.$client.prepare(query).pluck().get());
}

function viewOf(entity: RecordEntity, id: number): { crm: { crmVersion: number } & object; form: CrmFormData } {
  return entity === 'ticket' ? ticketCrmPanelView(db, user, id, 1)! : partnerCrmFormView(db, user, id, 1)!;
}

/** What the browser posts for the form as shown: every field as its control renders it. */
function postedForm(entity: RecordEntity, form: CrmFormData): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const [, property] of propertiesOf(entity, 'form')) {
    const field = property.form!;
    const value = form.values[field.name];
    if (field.control === 'checkbox') {
      if (value === true) body[field.name] = 'on';
    } else if (field.control === 'checkboxes') {
      body[field.name] = (value as number[]).map(String);
      if (field.create) body[field.create] = '';
    } else if (field.control === 'money') body[field.name] = format.amountInput(value as number | null);
    else body[field.name] = value === null ? '' : String(value);
  }
  return body;
}

function saveForm(entity: RecordEntity, id: number, version: number, body: Record<string, string | string[]>) {
  const fields = { id: String(id), crmVersion: String(version), ...body };
  return entity === 'ticket'
    ? saveTicketCrm(db, user, ticketCrmSchema('de').parse(fields))
    : savePartnerCrm(db, user, partnerCrmSchema.parse(fields));
}

/** A new value for a property: what the form posts, what the column (or bridge) then holds, and the Verlauf's text. */
function changedValue(
  key: CrmPropertyKey,
  property: CrmProperty,
  current: CrmFormValue,
  options: LookupOption[],
): { post: string | string[] | undefined; stored: unknown; history: string } {
  const other = <T>(value: unknown, first: T, second: T): T => (value === first ? second : first);
  switch (property.kind) {
    case 'lookup': {
      const option = options.find((candidate) => !candidate.archived && candidate.id !== current)!;
      return { post: String(option.id), stored: option.id, history: option.name };
    }
    case 'lookupMulti': {
      const option = options.find((candidate) => !candidate.archived && !(current as number[]).includes(candidate.id))!;
      const ids = [...(current as number[]), option.id].sort((a, b) => a - b);
      return { post: ids.map(String), stored: ids, history: option.name };
    }
    case 'percent':
    case 'integer': {
      const number = other(current, 37, 38);
      return { post: String(number), stored: number, history: String(number) };
    }
    case 'money': {
      const cents = other(current, 123_456, 654_321);
      return { post: format.amountInput(cents), stored: cents, history: String(cents) };
    }
    case 'boolean':
      return { post: current === true ? undefined : 'on', stored: current !== true, history: String(current !== true) };
    case 'date':
    case 'dateTime': {
      const date = other(current, '2027-03-31', '2027-04-01');
      return { post: date, stored: date, history: date };
    }
    default: {
      const text = other(current, `Geprüft: ${key}`, `Erneut geprüft: ${key}`);
      return { post: text, stored: text, history: text };
    }
  }
}

/** What the record's table (or bridge) holds for a property, read straight from db/schema.ts's columns. */
function storedValue(property: CrmProperty, id: number): unknown {
  if (property.bridge) {
    const { owner, entry } = property.bridge;
    return db
      .select({ id: entry })
      .from(owner.table)
      .where(eq(owner, id))
      .all()
      .map((row) => row.id)
      .sort((a, b) => Number(a) - Number(b));
  }
  const table = property.column!.table;
  return db
    .select({ value: property.column! })
    .from(table)
    .where(eq(getTableColumns(table).id, id))
    .get()!.value;
}

describe('the CRM record is derived from the registry', () => {
  it.each(RECORD_ENTITIES.map((entity) => [entity]))('a %s form saved as shown changes nothing and writes no Verlauf entry', (entity) => {
    const id = recordId(entity);
    const { crm, form } = viewOf(entity, id);
    const before = listCrmHistory(db, user, entity, id).length;
    const stored = propertiesOf(entity, 'form').map(([, property]) => storedValue(property, id));
    expect(saveForm(entity, id, crm.crmVersion, postedForm(entity, form))).toEqual({ ok: true, data: undefined });
    expect(propertiesOf(entity, 'form').map(([, property]) => storedValue(property, id))).toEqual(stored);
    expect(listCrmHistory(db, user, entity, id)).toHaveLength(before);
    expect(viewOf(entity, id).form.values).toEqual(form.values);
  });

  const formKeys = RECORD_ENTITIES.flatMap((entity) => propertiesOf(entity, 'form').map(([key]) => [entity, key] as const));
  it.each(formKeys)('%s %s round-trips: read, form, save, stored column, Verlauf', (entity, key) => {
    const property = crmProperty(key);
    expect(property.column ?? property.bridge, `${key} declares where it is stored`).toBeDefined();
    const id = recordId(entity, key);
    const { crm, form } = viewOf(entity, id);
    const field = property.form!;
    const change = changedValue(key, property, form.values[field.name], form.options[field.name] ?? []);
    const body = postedForm(entity, form);
    if (change.post === undefined) delete body[field.name];
    else body[field.name] = change.post;
    const before = listCrmHistory(db, user, entity, id);

    expect(saveForm(entity, id, crm.crmVersion, body)).toEqual({ ok: true, data: undefined });
    expect(storedValue(property, id)).toEqual(change.stored);
    const after = listCrmHistory(db, user, entity, id);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ field: property.field, userName: 'Carl Vertrieb' });
    if (property.kind === 'lookupMulti') expect(after[0].newValue!.split(', ')).toContain(change.history);
    else expect(after[0].newValue).toBe(change.history);
    expect(historyProperty(entity, after[0].field)).toBe(property);
    expect(viewOf(entity, id).form.values[field.name]).toEqual(change.stored);
  });

  // A user without crm may not delete a partner carrying CRM data: any one stored property counts.
  it.each(propertiesOf('partner', 'form').map(([key]) => [key]))('a partner with only %s set carries CRM data', (key) => {
    const property = crmProperty(key);
    const created = createPartner(db, user, {
      name: `Nur ${key} GmbH`,
      name2: '',
      searchName: '',
      street: '',
      postcode: '',
      city: 'Berlin',
      country: 'DE',
      phone: '',
      email: '',
      website: '',
      force: true,
    });
    if (!created.ok) throw new Error(`partner not created: ${created.error}`);
    const id = created.data.id;
    expect(partnerHasCrmData(db, id)).toBe(false);
    const { form } = viewOf('partner', id);
    const change = changedValue(key, property, form.values[property.form!.name], form.options[property.form!.name] ?? []);
    if (property.bridge) {
      const { owner, entry } = property.bridge;
      db.insert(owner.table)
        .values((change.stored as number[]).map((entryId) => ({ [columnKey(owner)]: id, [columnKey(entry)]: entryId })))
        .run();
    } else {
      db.update(partners)
        .set({ [columnKey(property.column!)]: change.stored })
        .where(eq(partners.id, id))
        .run();
    }
    expect(storedValue(property, id)).toEqual(change.stored);
    expect(partnerHasCrmData(db, id)).toBe(true);
  });

  it('reads, checks and formats a date property by its kind alone', () => {
    const date = {
      ...crmProperty('comment1'),
      kind: 'date',
      form: { control: 'date', name: 'expectedClose' },
    } as const satisfies CrmProperty;
    const schema = crmFieldSchema(date, 'de');
    expect(schema.parse('2027-03-31')).toBe('2027-03-31');
    expect(schema.parse('')).toBeNull();
    for (const bad of ['31.03.2027', '2027-3-1']) expect(schema.safeParse(bad).error?.issues[0].message, bad).toBe('crm.error.date');
    // A date of the right shape that names no day says so.
    expect(schema.safeParse('2027-02-30').error?.issues[0].message).toBe('crm.error.impossibleDate');
    expect(formatCrmValue(date, '2027-03-31', de, format)).toBe('31.03.2027');
    expect(formatCrmValue(date, '2027-03-31', en, formatter('en'))).toBe('31 Mar 2027');
  });

  // The data layer of tickets and partners names no scalar CRM property: a new one needs no edit there.
  const DATA_LAYER = [
    'lib/crm/tickets/queries.ts',
    'lib/crm/tickets/mutations.ts',
    'lib/crm/partners/queries.ts',
    'lib/crm/partners/mutations.ts',
    'lib/crm/schemas.ts',
    'lib/crm/forms/queries.ts',
  ];
  // The Gruppierte Unternehmensgröße is derived from the employee count when a partner's form is read.
  const DERIVED: Record<string, string[]> = {
    'lib/crm/partners/queries.ts': ['employeeCount'],
    'lib/crm/forms/queries.ts': ['employeeCount'],
  };
  it.each(DATA_LAYER.map((file) => [file]))('%s names no scalar CRM property', (file) => {
    // Message keys aside: the percent and amount rules keep their first property's key, their words are general.
    const source = readFileSync(path.join(process.cwd(), file), 'utf8').replace(/'crm\.error\.\w+'/g, '');
    const scalars = KEYS.map((key) => crmProperty(key)).filter((property) => property.column);
    const names = new Set(
      scalars
        .flatMap((property) => [property.field!, property.form?.name, columnKey(property.column!)])
        .filter((name) => name !== undefined),
    );
    const named = [...names].filter((name) => !(DERIVED[file] ?? []).includes(name) && new RegExp(`\\b${name}\\b`).test(source));
    expect(named).toEqual([]);
  });
});
