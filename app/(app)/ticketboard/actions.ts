'use server';
// The ticket board's queries: every action checks the session itself (defineAction) and the data
// layer confines it to the user's own queries and, for CRM criteria, to `crm` users.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
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

const BOARD = '/ticketboard';

/** Creates a query (the form, or "Als Abfrage speichern" on /tickets) and shows the board with it. */
export const createQueryAction = defineAction(
  { schema: createQuerySchema, success: 'ticketboard.created', revalidate: BOARD, redirect: () => BOARD },
  (input, user) => createQuery(getDb(), user, input),
);

/** Saves a query's name and parameters, then shows the board. */
export const updateQueryAction = defineAction(
  { schema: updateQuerySchema, success: 'ticketboard.saved', revalidate: BOARD, redirect: () => BOARD },
  (input, user) => updateQuery(getDb(), user, input),
);

export const renameQueryAction = defineAction(
  { schema: renameQuerySchema, success: 'ticketboard.renamed', revalidate: BOARD },
  (input, user) => renameQuery(getDb(), user, input),
);

export const duplicateQueryAction = defineAction(
  { schema: duplicateQuerySchema, success: 'ticketboard.duplicated', revalidate: BOARD },
  (input, user) => duplicateQuery(getDb(), user, input),
);

export const deleteQueryAction = defineAction(
  { schema: deleteQuerySchema, success: 'ticketboard.deleted', revalidate: BOARD },
  (input, user) => deleteQuery(getDb(), user, input),
);

/** Moves a column one place (the keyboard and no-JavaScript alternative to drag and drop). */
export const moveQueryAction = defineAction(
  { schema: moveQuerySchema, success: 'ticketboard.orderSaved', revalidate: BOARD },
  (input, user) => moveQuery(getDb(), user, input),
);

/** Saves the column order a drag and drop produced. */
export const reorderQueriesAction = defineAction(
  { schema: reorderQueriesSchema, success: 'ticketboard.orderSaved', revalidate: BOARD },
  (input, user) => reorderQueries(getDb(), user, input),
);
