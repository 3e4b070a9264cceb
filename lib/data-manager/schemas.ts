// The inputs of the export-template forms, shared by the forms (field names) and their actions.
import { z } from 'zod';
import { EXPORT_ENTITIES } from '@/db/schema';
import { idSchema } from '@/lib/validation';

export const saveExportTemplateSchema = z.object({
  entity: z.enum(EXPORT_ENTITIES, { message: 'invalid' }),
  name: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  /** Comma-separated column keys, as the page's URL carries them. */
  columns: z
    .string({ message: 'dataManager.error.noColumns' })
    .trim()
    .min(1, { message: 'dataManager.error.noColumns' })
    .max(2_000, { message: 'tooLong' }),
});

export const deleteExportTemplateSchema = z.object({ id: idSchema });

export type SaveExportTemplateInput = z.infer<typeof saveExportTemplateSchema>;
