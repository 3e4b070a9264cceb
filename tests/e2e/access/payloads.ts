// A valid call of every server action, keyed like the expectation file: the page its form posts to
// and arguments that succeed for a caller with the right role, on fresh records where it writes.
import type { e2eDb } from '../support';
import { DEMO_PASSWORD, unique } from '../support';
import { form, formArgs, type ActionCall } from './action-client';
import {
  freshBulkChange,
  freshContact,
  freshExportTemplate,
  freshImport,
  freshImportUpload,
  freshPartner,
  freshProduct,
  freshQuery,
  freshTicket,
  freshUser,
  productOrder,
  queryOrder,
  swapLastTwo,
} from './fixtures';

export type CallContext = {
  db: ReturnType<typeof e2eDb>;
  /** Whose records a call is about: the caller, or a bystander for the anonymous caller. */
  ownerId: number;
  /** A user the sign-in action signs in (demo password). */
  loginEmail: string;
};

type CallBuilder = (context: CallContext) => ActionCall;

const LIST = 'products';
const ADMIN_CRM = `/admin/crm?list=${LIST}`;

function otherLocale({ db, ownerId }: CallContext): string {
  return db.prepare('select locale from users where id = ?').pluck().get(ownerId) === 'en' ? 'de' : 'en';
}

function anyAttribute({ db }: CallContext): number {
  return db
    .prepare(`select id from attributes where archived = 0 and applies_to in ('contact', 'both') order by id`)
    .pluck()
    .get() as number;
}

function partnerName({ db }: CallContext): string {
  return db.prepare('select name from partners order by id').pluck().get() as string;
}

function contactName({ db }: CallContext): string {
  return db.prepare(`select last_name from contacts where partner_id is not null order by id`).pluck().get() as string;
}

export const ACTION_CALLS: Record<string, CallBuilder> = {
  // ---------------------------------------------------------------- shell, pickers, sign-in
  'app/(app)/actions.ts#setLocaleAction': (context) => ({ page: '/ticketboard', args: [form({ locale: otherLocale(context) })] }),
  'app/(app)/actions.ts#signOutAction': () => ({ page: '/ticketboard', args: [] }),
  'app/(app)/picker-actions.ts#searchPartnersAction': (context) => ({ page: '/tickets/new', args: [partnerName(context)] }),
  'app/(app)/picker-actions.ts#searchContactsAction': (context) => ({ page: '/tickets/new', args: [contactName(context)] }),
  'app/(auth)/login/actions.ts#signInAction': ({ loginEmail }) => ({
    page: '/login',
    args: formArgs({ email: loginEmail, password: DEMO_PASSWORD }),
  }),
  // The callers' password is the demo password (./callers.ts); each gets a new one of their own.
  'app/(app)/account/password/actions.ts#changeOwnPasswordAction': () => {
    const password = unique('Matrix Passwort');
    return { page: '/account/password', args: formArgs({ currentPassword: DEMO_PASSWORD, password, passwordRepeat: password }) };
  },

  // ---------------------------------------------------------------- CRM administration (products list)
  'app/(app)/admin/crm/actions.ts#addEntryAction': () => ({ page: ADMIN_CRM, args: formArgs({ list: LIST, name: unique('Matrix Neu') }) }),
  'app/(app)/admin/crm/actions.ts#updateEntryAction': ({ db }) => {
    const { id, version } = freshProduct(db);
    return { page: ADMIN_CRM, args: formArgs({ list: LIST, id, version, name: unique('Matrix Umbenannt') }) };
  },
  'app/(app)/admin/crm/actions.ts#archiveEntryAction': ({ db }) => {
    const { id, version } = freshProduct(db);
    return { page: ADMIN_CRM, args: formArgs({ list: LIST, id, version, archived: 'true' }) };
  },
  'app/(app)/admin/crm/actions.ts#deleteEntryAction': ({ db }) => {
    const { id, version } = freshProduct(db);
    return { page: ADMIN_CRM, args: formArgs({ list: LIST, id, version }) };
  },
  'app/(app)/admin/crm/actions.ts#moveEntryAction': ({ db }) => {
    freshProduct(db);
    const { id } = freshProduct(db);
    return { page: ADMIN_CRM, args: formArgs({ list: LIST, id, direction: 'up' }) };
  },
  'app/(app)/admin/crm/actions.ts#reorderEntriesAction': ({ db }) => {
    freshProduct(db);
    freshProduct(db);
    return { page: ADMIN_CRM, args: formArgs({ list: LIST, ids: swapLastTwo(productOrder(db)) }) };
  },

  // ---------------------------------------------------------------- user administration
  'app/(app)/admin/users/actions.ts#createUserAction': () => ({
    page: '/admin/users',
    args: formArgs({ email: `${unique('matrix-new')}@example.com`, name: 'Matrix Neu', password: 'matrix-passwort-1', locale: 'de' }),
  }),
  'app/(app)/admin/users/actions.ts#updateUserAction': ({ db }) => {
    const { id, version } = freshUser(db);
    return { page: `/admin/users/${id}`, args: formArgs({ id, version, name: unique('Matrix Umbenannt'), locale: 'en' }) };
  },
  'app/(app)/admin/users/actions.ts#setUserActiveAction': ({ db }) => {
    const { id, version } = freshUser(db);
    return { page: `/admin/users/${id}`, args: formArgs({ id, version, active: 'false' }) };
  },
  'app/(app)/admin/users/actions.ts#setUserPasswordAction': ({ db }) => {
    const { id, version } = freshUser(db);
    return { page: `/admin/users/${id}`, args: formArgs({ id, version, password: 'matrix-passwort-2' }) };
  },

  // ---------------------------------------------------------------- CRM dashboard (reads only)
  'app/(app)/crm/actions.ts#loadDashboardGroupAction': ({ db }) => {
    const status = db
      .prepare('select crm_status_id from tickets where crm_enabled = 1 and crm_status_id is not null order by id')
      .pluck()
      .get() as number;
    return { page: '/crm', args: [`groupBy=crmStatus&open=${status}`] };
  },

  // ---------------------------------------------------------------- CRM pipeline board and bulk changes
  'app/(app)/crm/board/actions.ts#moveCardAction': ({ db }) => {
    const { id, version } = freshTicket(db, { enabled: true });
    return {
      page: '/crm/board?column=closeMonth',
      args: formArgs({ id, version, crmVersion: 1, column: 'closeMonth', target: '2027-03' }),
    };
  },
  'app/(app)/crm/changes/actions.ts#applyBulkChangeAction': ({ db }) => {
    const { id } = freshTicket(db, { enabled: true });
    return {
      page: `/crm/changes/new?ticket=${id}`,
      args: formArgs({ selection: `ticket=${id}`, expectedCount: '1', kind: 'probability', probability: '40' }),
    };
  },
  'app/(app)/crm/changes/actions.ts#undoBulkChangeAction': ({ db }) => {
    const { id } = freshBulkChange(db);
    return { page: `/crm/changes/${id}/undo`, args: formArgs({ id }) };
  },

  // ---------------------------------------------------------------- follow-ups and the calendar feed
  'app/(app)/crm/followups/actions.ts#completeFollowupAction': ({ db }) => {
    const { id } = freshTicket(db, { enabled: true });
    db.prepare("update tickets set next_action_at = '2027-01-15', next_action_text = 'Matrix' where id = ?").run(id);
    return { page: '/crm/followups', args: formArgs({ id, crmVersion: 1 }) };
  },
  'app/(app)/crm/followups/actions.ts#postponeFollowupAction': ({ db }) => {
    const { id } = freshTicket(db, { enabled: true });
    db.prepare("update tickets set next_action_at = '2027-01-15T09:30' where id = ?").run(id);
    return { page: '/crm/followups', args: formArgs({ id, crmVersion: 1, step: 'week' }) };
  },
  'app/(app)/account/calendar/actions.ts#createCalendarFeedAction': () => ({ page: '/account/calendar', args: formArgs({}) }),
  'app/(app)/account/calendar/actions.ts#revokeCalendarFeedAction': ({ db, ownerId }) => {
    // The caller's own feed, so that a permitted call has one to end.
    db.prepare('insert into calendar_feeds (user_id, token_hash) values (?, ?)').run(ownerId, unique('matrix-feed'));
    return { page: '/account/calendar', args: formArgs({}) };
  },

  // ---------------------------------------------------------------- contacts
  'app/(app)/contacts/actions.ts#createContactAction': () => ({
    page: '/contacts/new',
    args: formArgs({ lastName: unique('Matrix Neu'), partnerId: '' }),
  }),
  'app/(app)/contacts/actions.ts#updateContactAction': ({ db }) => {
    const { id, version } = freshContact(db);
    return { page: `/contacts/${id}`, args: formArgs({ id, version, lastName: unique('Matrix Geändert'), partnerId: '' }) };
  },
  'app/(app)/contacts/actions.ts#deleteContactAction': ({ db }) => {
    const { id, version } = freshContact(db);
    return { page: `/contacts/${id}`, args: formArgs({ id, version, confirm: 'on' }) };
  },
  'app/(app)/contacts/[id]/crm-actions.ts#saveContactAttributesAction': (context) => {
    const { id } = freshContact(context.db);
    return { page: `/contacts/${id}`, args: formArgs({ id, attributes: anyAttribute(context) }) };
  },

  // ---------------------------------------------------------------- data manager
  'app/(app)/data-manager/actions.ts#saveExportTemplateAction': () => ({
    page: '/data-manager',
    args: formArgs({ entity: 'partners', name: unique('Matrix Vorlage'), columns: 'gpid,name' }),
  }),
  'app/(app)/data-manager/actions.ts#deleteExportTemplateAction': ({ db, ownerId }) => ({
    page: '/data-manager',
    args: formArgs({ id: freshExportTemplate(db, ownerId).id }),
  }),

  // ---------------------------------------------------------------- import (the caller's own upload and import)
  'app/(app)/data-manager/import/actions.ts#uploadImportAction': () => {
    const data = form({ entity: 'partners', existing: 'update', createNew: '1' });
    data.append('file', new File([`Name;PLZ;Ort\r\n${unique('Matrix Import')};10115;Berlin\r\n`], 'matrix.csv', { type: 'text/csv' }));
    return { page: '/data-manager/import', args: [{}, data] };
  },
  'app/(app)/data-manager/import/actions.ts#applyImportAction': ({ db, ownerId }) => {
    const id = freshImportUpload(db, ownerId);
    return {
      page: `/data-manager/import/${id}`,
      args: formArgs({ uploadId: id, mapping: '{}', expectedCreate: 1, expectedUpdate: 0, existing: 'update', createNew: '1' }),
    };
  },
  'app/(app)/data-manager/import/actions.ts#saveImportMappingAction': () => ({
    page: '/data-manager/import',
    args: formArgs({ entity: 'partners', name: unique('Matrix Zuordnung'), mapping: '{"Name":"name"}' }),
  }),
  'app/(app)/data-manager/imports/actions.ts#undoImportAction': ({ db, ownerId }) => {
    const id = freshImport(db, ownerId);
    return { page: `/data-manager/imports/${id}/undo`, args: formArgs({ id }) };
  },

  // ---------------------------------------------------------------- partners
  'app/(app)/partners/actions.ts#createPartnerAction': () => ({
    page: '/partners/new',
    args: formArgs({ name: unique('Matrix Neu'), force: 'on' }),
  }),
  'app/(app)/partners/actions.ts#updatePartnerAction': ({ db }) => {
    const { id, version } = freshPartner(db);
    return { page: `/partners/${id}`, args: formArgs({ id, version, name: unique('Matrix Geändert') }) };
  },
  'app/(app)/partners/actions.ts#deletePartnerAction': ({ db }) => {
    const { id, version } = freshPartner(db);
    return { page: `/partners/${id}`, args: formArgs({ id, version, confirm: 'on' }) };
  },
  'app/(app)/partners/[id]/crm/actions.ts#savePartnerCrmAction': ({ db }) => {
    const { id, version } = freshPartner(db);
    return { page: `/partners/${id}/crm`, args: formArgs({ id, crmVersion: version, employeeCount: '42', newsletter: 'on' }) };
  },

  // ---------------------------------------------------------------- ticket board
  'app/(app)/ticketboard/actions.ts#createQueryAction': () => ({
    page: '/ticketboard/new',
    args: formArgs({ name: unique('Matrix Neu'), status: 'open' }),
  }),
  'app/(app)/ticketboard/actions.ts#updateQueryAction': ({ db, ownerId }) => {
    const { id, version } = freshQuery(db, ownerId);
    return { page: `/ticketboard/${id}`, args: formArgs({ id, version, name: unique('Matrix Geändert'), status: 'closed' }) };
  },
  'app/(app)/ticketboard/actions.ts#renameQueryAction': ({ db, ownerId }) => {
    const { id, version } = freshQuery(db, ownerId);
    return { page: '/ticketboard', args: formArgs({ id, version, name: unique('Matrix Umbenannt') }) };
  },
  'app/(app)/ticketboard/actions.ts#duplicateQueryAction': ({ db, ownerId }) => ({
    page: '/ticketboard',
    args: formArgs({ id: freshQuery(db, ownerId).id }),
  }),
  'app/(app)/ticketboard/actions.ts#deleteQueryAction': ({ db, ownerId }) => {
    const { id, version } = freshQuery(db, ownerId);
    return { page: '/ticketboard', args: formArgs({ id, version }) };
  },
  'app/(app)/ticketboard/actions.ts#moveQueryAction': ({ db, ownerId }) => ({
    page: '/ticketboard',
    args: formArgs({ id: freshQuery(db, ownerId).id, direction: 'left' }),
  }),
  'app/(app)/ticketboard/actions.ts#reorderQueriesAction': ({ db, ownerId }) => ({
    page: '/ticketboard',
    args: formArgs({ ids: swapLastTwo(queryOrder(db, ownerId)) }),
  }),

  // ---------------------------------------------------------------- tickets
  'app/(app)/tickets/actions.ts#createTicketAction': ({ db }) => ({
    page: '/tickets/new',
    args: formArgs({ title: unique('Matrix Neu'), partnerId: db.prepare('select min(id) from partners').pluck().get() as number }),
  }),
  'app/(app)/tickets/actions.ts#updateTicketAction': ({ db }) => {
    const { id, version, partnerId } = freshTicket(db, { enabled: false });
    return { page: `/tickets/${id}`, args: formArgs({ id, version, title: unique('Matrix Geändert'), partnerId }) };
  },
  'app/(app)/tickets/actions.ts#setTicketStatusAction': ({ db }) => {
    const { id, version } = freshTicket(db, { enabled: false });
    return { page: `/tickets/${id}`, args: formArgs({ id, version, status: 'closed' }) };
  },
  'app/(app)/tickets/actions.ts#takeOverTicketAction': ({ db }) => {
    const { id, version } = freshTicket(db, { enabled: false });
    return { page: `/tickets/${id}`, args: formArgs({ id, version }) };
  },
  'app/(app)/tickets/[id]/crm-actions.ts#setTicketCrmEnabledAction': ({ db }) => {
    const { id, version } = freshTicket(db, { enabled: false });
    return { page: `/tickets/${id}`, args: formArgs({ id, crmVersion: version, enabled: 'true' }) };
  },
  'app/(app)/tickets/[id]/crm-actions.ts#saveTicketCrmAction': ({ db }) => {
    const { id, version } = freshTicket(db, { enabled: true });
    return {
      page: `/tickets/${id}`,
      args: formArgs({ id, crmVersion: version, probability: '40', potential: '1.000,00', expectedUsers: '12' }),
    };
  },
};
