// The German and English dictionaries, merged from one message module per area of the product.
// Add an area: create messages/<area>.ts with `de` and `en`, and list it here.
import * as auth from './messages/auth';
import * as bulk from './messages/bulk';
import * as calendar from './messages/calendar';
import * as board from './messages/board';
import * as errors from './messages/errors';
import * as contacts from './messages/contacts';
import * as crm from './messages/crm';
import * as crmAdmin from './messages/crmAdmin';
import * as dashboard from './messages/dashboard';
import * as dataManager from './messages/dataManager';
import * as followups from './messages/followups';
import * as importMessages from './messages/import';
import * as forecast from './messages/forecast';
import * as lists from './messages/lists';
import * as outcomes from './messages/outcomes';
import * as partners from './messages/partners';
import * as shell from './messages/shell';
import * as ticketboard from './messages/ticketboard';
import * as tickets from './messages/tickets';
import * as users from './messages/users';

export const de = {
  ...shell.de,
  ...auth.de,
  ...users.de,
  ...lists.de,
  ...tickets.de,
  ...partners.de,
  ...contacts.de,
  ...crmAdmin.de,
  ...crm.de,
  ...dashboard.de,
  ...forecast.de,
  ...board.de,
  ...followups.de,
  ...calendar.de,
  ...outcomes.de,
  ...bulk.de,
  ...ticketboard.de,
  ...dataManager.de,
  ...importMessages.de,
  ...errors.de,
};
export type MessageKey = keyof typeof de;
export const en: Record<MessageKey, string> = {
  ...shell.en,
  ...auth.en,
  ...users.en,
  ...lists.en,
  ...tickets.en,
  ...partners.en,
  ...contacts.en,
  ...crmAdmin.en,
  ...crm.en,
  ...dashboard.en,
  ...forecast.en,
  ...board.en,
  ...followups.en,
  ...calendar.en,
  ...outcomes.en,
  ...bulk.en,
  ...ticketboard.en,
  ...dataManager.en,
  ...importMessages.en,
  ...errors.en,
};

/** Every area, for the check that no two areas share a key. */
export const AREAS = {
  shell,
  board,
  auth,
  users,
  lists,
  tickets,
  partners,
  contacts,
  crmAdmin,
  crm,
  dashboard,
  forecast,
  followups,
  calendar,
  outcomes,
  bulk,
  ticketboard,
  dataManager,
  import: importMessages,
  errors,
};
