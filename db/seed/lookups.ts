// The CRM lookup lists (SPEC section 7) with plausible German entries, shared by the demo and benchmark seeds.
import type { Db } from '@/db/client';
import {
  attributes,
  campaigns,
  companyGroups,
  companySizes,
  crmPartnerStatuses,
  crmTicketStatuses,
  dataSources,
  lostReasons,
  products,
  revenueGroups,
  type AttributeTarget,
  type Phase,
} from '@/db/schema';

export type SeedTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The inserted ids of one list: the active ones in admin order, the archived ones, and all by name. */
export type LookupIds = { ids: number[]; archivedIds: number[]; byName: Map<string, number> };

export type SeededLookups = {
  crmTicketStatuses: LookupIds & { wonIds: number[]; lostIds: number[] };
  lostReasons: LookupIds;
  crmPartnerStatuses: LookupIds;
  companySizes: LookupIds & { ranges: { id: number; min: number; max: number | null }[] };
  revenueGroups: LookupIds;
  companyGroups: LookupIds;
  dataSources: LookupIds;
  campaigns: LookupIds;
  products: LookupIds;
  /** Merkmale split by what they may be set on ("both" appears in each). */
  attributes: LookupIds & { partnerIds: number[]; contactIds: number[] };
};

type Entry = { name: string; archived?: boolean };

export const CRM_TICKET_STATUSES: (Entry & { phase?: Phase; color: string; staleAfterDays?: number })[] = [
  { name: 'Bedarf ermittelt', color: '#6b7f99', staleAfterDays: 30 },
  { name: 'Informationen zugesandt', color: '#3b82c4', staleAfterDays: 14 },
  { name: 'Angebot erstellt', color: '#8a5cc2', staleAfterDays: 21 },
  { name: 'Verhandlung', color: '#c77d12', staleAfterDays: 14 },
  { name: 'Gewonnen', phase: 'won', color: '#2e8540' },
  { name: 'Verloren', phase: 'lost', color: '#c0392b' },
  { name: 'Zurückgestellt', archived: true, color: '#8a8a8a' },
];

export const LOST_REASONS: Entry[] = [
  { name: 'Preis zu hoch' },
  { name: 'Wettbewerber gewählt' },
  { name: 'Kein Budget' },
  { name: 'Kein Bedarf mehr' },
  { name: 'Zeitpunkt ungünstig' },
  { name: 'Keine Rückmeldung' },
];

const CRM_PARTNER_STATUSES: Entry[] = [{ name: 'Neukunde' }, { name: 'Bestandskunde' }, { name: 'Ehemaliger Kunde' }, { name: 'Gesperrt' }];

const COMPANY_SIZES = [
  { name: '1–9 Mitarbeitende', min: 1, max: 9 },
  { name: '10–49 Mitarbeitende', min: 10, max: 49 },
  { name: '50–249 Mitarbeitende', min: 50, max: 249 },
  { name: '250–999 Mitarbeitende', min: 250, max: 999 },
  { name: '1000 und mehr', min: 1000, max: null },
];

const REVENUE_GROUPS = [
  { name: 'bis 10.000 €', min: 0, max: 1_000_000 - 1 },
  { name: '10.000–50.000 €', min: 1_000_000, max: 5_000_000 - 1 },
  { name: '50.000–250.000 €', min: 5_000_000, max: 25_000_000 - 1 },
  { name: 'über 250.000 €', min: 25_000_000, max: null },
];

export const COMPANY_GROUPS: Entry[] = [
  { name: 'Maschinenbau' },
  { name: 'Handel' },
  { name: 'IT-Dienstleistungen' },
  { name: 'Gesundheitswesen' },
  { name: 'Öffentliche Verwaltung' },
  { name: 'Logistik' },
  { name: 'Bauwesen' },
  { name: 'Energieversorgung' },
  { name: 'Finanzdienstleistungen' },
];

const DATA_SOURCES: Entry[] = [
  { name: 'Messe' },
  { name: 'Website' },
  { name: 'Empfehlung' },
  { name: 'Kaltakquise' },
  { name: 'Partnerportal' },
];

const CAMPAIGNS = [
  { name: 'Frühjahrsaktion 2026', start: '2026-03-01', end: '2026-04-30' },
  { name: 'Messe Hannover 2026', start: '2026-04-20', end: '2026-04-24' },
  { name: 'Cloud-Migration', start: '2026-01-15', end: '2026-06-30' },
  { name: 'Bestandskunden-Upgrade', start: '2026-05-01', end: '2026-07-31' },
  { name: 'Herbst-Webinarreihe 2026', start: '2026-09-01', end: '2026-11-30' },
  { name: 'Jahresendgeschäft 2026', start: '2026-11-01', end: '2026-12-31' },
];

const PRODUCTS: Entry[] = [
  { name: 'Ticketsystem Standard' },
  { name: 'Ticketsystem Enterprise' },
  { name: 'CRM-Modul' },
  { name: 'Wartungsvertrag' },
  { name: 'Schulung' },
  { name: 'Hosting' },
  { name: 'Schnittstellenpaket' },
];

const ATTRIBUTES: { name: string; appliesTo: AttributeTarget }[] = [
  { name: 'Referenzkunde', appliesTo: 'partner' },
  { name: 'Rahmenvertrag', appliesTo: 'partner' },
  { name: 'Entscheider', appliesTo: 'contact' },
  { name: 'Technischer Ansprechpartner', appliesTo: 'contact' },
  { name: 'Einkauf', appliesTo: 'contact' },
  { name: 'VIP', appliesTo: 'both' },
];

function collect(rows: { id: number; name: string; archived: boolean }[]): LookupIds {
  return {
    ids: rows.filter((row) => !row.archived).map((row) => row.id),
    archivedIds: rows.filter((row) => row.archived).map((row) => row.id),
    byName: new Map(rows.map((row) => [row.name, row.id])),
  };
}

function statusIds(rows: { id: number; name: string; archived: boolean; phase: Phase }[]): SeededLookups['crmTicketStatuses'] {
  const active = rows.filter((row) => !row.archived);
  return {
    ...collect(rows),
    wonIds: active.filter((row) => row.phase === 'won').map((row) => row.id),
    lostIds: active.filter((row) => row.phase === 'lost').map((row) => row.id),
  };
}

/** Fills every lookup list (positions 0..n in the order above); call inside the seeding transaction. */
export function seedLookups(tx: Db | SeedTx): SeededLookups {
  const simple = (entries: Entry[]) =>
    entries.map((entry, position) => ({ name: entry.name, position, archived: entry.archived ?? false }));

  const sizeRows = tx
    .insert(companySizes)
    .values(COMPANY_SIZES.map((size, position) => ({ name: size.name, position, minEmployees: size.min, maxEmployees: size.max })))
    .returning()
    .all();
  const attributeRows = tx
    .insert(attributes)
    .values(ATTRIBUTES.map((attribute, position) => ({ ...attribute, position })))
    .returning()
    .all();

  return {
    crmTicketStatuses: statusIds(
      tx
        .insert(crmTicketStatuses)
        .values(
          CRM_TICKET_STATUSES.map((status, position) => ({
            ...simple([status])[0],
            position,
            phase: status.phase,
            color: status.color,
            staleAfterDays: status.staleAfterDays,
          })),
        )
        .returning()
        .all(),
    ),
    lostReasons: collect(tx.insert(lostReasons).values(simple(LOST_REASONS)).returning().all()),
    crmPartnerStatuses: collect(tx.insert(crmPartnerStatuses).values(simple(CRM_PARTNER_STATUSES)).returning().all()),
    companySizes: { ...collect(sizeRows), ranges: sizeRows.map((row) => ({ id: row.id, min: row.minEmployees, max: row.maxEmployees })) },
    revenueGroups: collect(
      tx
        .insert(revenueGroups)
        .values(REVENUE_GROUPS.map((group, position) => ({ name: group.name, position, minCents: group.min, maxCents: group.max })))
        .returning()
        .all(),
    ),
    companyGroups: collect(tx.insert(companyGroups).values(simple(COMPANY_GROUPS)).returning().all()),
    dataSources: collect(tx.insert(dataSources).values(simple(DATA_SOURCES)).returning().all()),
    campaigns: collect(
      tx
        .insert(campaigns)
        .values(
          CAMPAIGNS.map((campaign, position) => ({ name: campaign.name, position, startDate: campaign.start, endDate: campaign.end })),
        )
        .returning()
        .all(),
    ),
    products: collect(tx.insert(products).values(simple(PRODUCTS)).returning().all()),
    attributes: {
      ...collect(attributeRows),
      partnerIds: attributeRows.filter((row) => row.appliesTo !== 'contact').map((row) => row.id),
      contactIds: attributeRows.filter((row) => row.appliesTo !== 'partner').map((row) => row.id),
    },
  };
}
