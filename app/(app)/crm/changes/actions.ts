'use server';
// Bulk changes of CRM tickets (crm only): apply a confirmed change, undo one.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { applyBulkChange } from '@/lib/crm/bulk/apply';
import { bulkChangeSchema, toBulkChange } from '@/lib/crm/bulk/change';
import { parseBulkSelection } from '@/lib/crm/bulk/selection';
import { undoBulkChange } from '@/lib/crm/bulk/undo';
import { idSchema } from '@/lib/validation';

const applySchema = z.intersection(
  z.object({
    selection: z.string().max(20_000),
    expectedCount: z.coerce.number().int().min(0),
  }),
  bulkChangeSchema,
);

/** Applies the change the confirmation showed to the tickets it named (the same count, or refused). */
export const applyBulkChangeAction = defineAction(
  {
    schema: applySchema,
    role: 'crm',
    revalidate: { layout: '/crm' },
    redirect: (_input, data: { id: number }) => `/crm/changes?applied=${data.id}`,
  },
  (input, user) => {
    const { selection: sent, expectedCount, ...change } = input;
    const { selection } = parseBulkSelection(new URLSearchParams(sent));
    if (!selection) return { ok: false, error: 'bulk.error.selection' };
    return applyBulkChange(getDb(), user, { selection, change: toBulkChange(change), expectedCount });
  },
);

/** Undoes a bulk change once; the report is stored with it and shown in the list. */
export const undoBulkChangeAction = defineAction(
  {
    schema: z.object({ id: idSchema }),
    role: 'crm',
    revalidate: { layout: '/crm' },
    redirect: (input) => `/crm/changes?undone=${input.id}`,
  },
  (input, user) => undoBulkChange(getDb(), user, { id: input.id }),
);
