'use server';
// The ticket board's queries: every action checks the session itself (defineAction) and the data
// layer confines it to the user's own queries and, for CRM criteria, to `crm` users.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { translator } from '@/lib/i18n';
import { queryDisplayName } from '@/lib/ticketboard/defaults';
import type { MutationResult } from '@/lib/result';
import { createQuery, deleteQuery, duplicateQuery, moveQuery, renameQuery, reorderQueries, updateQuery } from '@/lib/ticketboard/mutations';
import {
  createQuerySchema,
  deleteQuerySchema,
  duplicateQuerySchema,
  moveQuerySchema,
  renameQuerySchema,
  reorderQueriesSchema,
  updateQuerySchema,
} from '@/lib/ticketboard/schemas';

function refresh<T>(result: MutationResult<T>): MutationResult<T> {
  if (result.ok) revalidatePath('/ticketboard');
  return result;
}

/** Creates a query (the form, or "Als Abfrage speichern" on /tickets) and shows the board with it. */
export const createQueryAction = defineAction({ schema: createQuerySchema, success: 'ticketboard.created' }, (input, user) => {
  const result = refresh(createQuery(getDb(), user, input));
  if (result.ok) redirect('/ticketboard');
  return result;
});

/** Saves a query's name and parameters, then shows the board. */
export const updateQueryAction = defineAction({ schema: updateQuerySchema, success: 'ticketboard.saved' }, (input, user) => {
  const result = refresh(updateQuery(getDb(), user, input));
  if (result.ok) redirect('/ticketboard');
  return result;
});

export const renameQueryAction = defineAction({ schema: renameQuerySchema, success: 'ticketboard.renamed' }, (input, user) =>
  refresh(renameQuery(getDb(), user, input)),
);

export const duplicateQueryAction = defineAction({ schema: duplicateQuerySchema, success: 'ticketboard.duplicated' }, (input, user) =>
  refresh(duplicateQuery(getDb(), user, input, (name) => translator(user.locale)('ticketboard.copyName', { name: queryDisplayName(name, user.locale) }))),
);

export const deleteQueryAction = defineAction({ schema: deleteQuerySchema, success: 'ticketboard.deleted' }, (input, user) =>
  refresh(deleteQuery(getDb(), user, input)),
);

/** Moves a column one place (the keyboard and no-JavaScript alternative to drag and drop). */
export const moveQueryAction = defineAction({ schema: moveQuerySchema, success: 'ticketboard.orderSaved' }, (input, user) =>
  refresh(moveQuery(getDb(), user, input)),
);

/** Saves the column order a drag and drop produced. */
export const reorderQueriesAction = defineAction({ schema: reorderQueriesSchema, success: 'ticketboard.orderSaved' }, (input, user) =>
  refresh(reorderQueries(getDb(), user, input)),
);
