'use server';
// CRM administration (crm_admin only): every action checks the session and the role itself.
import { getDb } from '@/db/client';
import { defineAction, type Revalidation } from '@/lib/action';
import {
  addLookupEntry,
  deleteLookupEntry,
  moveLookupEntry,
  reorderLookupEntries,
  setLookupEntryArchived,
  updateLookupEntry,
} from '@/lib/lookups/mutations';
import {
  addEntrySchema,
  archiveEntrySchema,
  deleteEntrySchema,
  moveEntrySchema,
  reorderEntriesSchema,
  updateEntrySchema,
} from '@/lib/lookups/schemas';

/** Lookup entries appear on many pages (pickers, filters, the dashboard). */
const EVERY_PAGE: Revalidation = { layout: '/' };

/** Adds an entry at the end of a list. */
export const addEntryAction = defineAction(
  { schema: addEntrySchema, role: 'crm_admin', revalidate: EVERY_PAGE, success: 'crmAdmin.added' },
  (input, user) => addLookupEntry(getDb(), user, input),
);

/** Renames an entry and edits its bounds, dates or target. */
export const updateEntryAction = defineAction({ schema: updateEntrySchema, role: 'crm_admin', revalidate: EVERY_PAGE }, (input, user) =>
  updateLookupEntry(getDb(), user, input),
);

/** Archives or restores an entry. */
export const archiveEntryAction = defineAction({ schema: archiveEntrySchema, role: 'crm_admin', revalidate: EVERY_PAGE }, (input, user) =>
  setLookupEntryArchived(getDb(), user, input),
);

/** Deletes an entry that no record uses. */
export const deleteEntryAction = defineAction(
  { schema: deleteEntrySchema, role: 'crm_admin', revalidate: EVERY_PAGE, success: 'crmAdmin.deleted' },
  (input, user) => deleteLookupEntry(getDb(), user, input),
);

/** Moves an entry one place (the keyboard and no-JavaScript alternative to drag and drop). */
export const moveEntryAction = defineAction({ schema: moveEntrySchema, role: 'crm_admin', revalidate: EVERY_PAGE }, (input, user) =>
  moveLookupEntry(getDb(), user, input),
);

/** Saves the order a drag and drop produced. */
export const reorderEntriesAction = defineAction(
  { schema: reorderEntriesSchema, role: 'crm_admin', revalidate: EVERY_PAGE, success: 'crmAdmin.orderSaved' },
  (input, user) => reorderLookupEntries(getDb(), user, input),
);
