'use server';
// Undo of an applied import: once, by its importer or an admin (`crm` when it changed CRM fields);
// undoImport checks all of it. The report is stored with the import and shown in the list.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { undoImport } from '@/lib/import/apply/undo';
import { idSchema } from '@/lib/validation';

export const undoImportAction = defineAction(
  {
    schema: z.object({ id: idSchema }),
    revalidate: [{ layout: '/' }],
    redirect: (input) => `/data-manager/imports?undone=${input.id}`,
  },
  (input, user) => undoImport(getDb(), user, { id: input.id }),
);
