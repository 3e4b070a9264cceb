'use server';
// The import (SPEC section 18): upload a file (then its dry run), apply the dry run the user saw, save
// the header mapping. Every signed-in user may import master data; the data layer refuses CRM columns
// to a user without `crm` and new list entries to anyone but a crm_admin.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { EXPORT_ENTITIES } from '@/db/schema';
import { optionsFrom, optionsSearch } from '@/components/data-manager/import/params';
import { defineAction } from '@/lib/action';
import { hasRole } from '@/lib/auth/guards';
import { applyImport } from '@/lib/import/apply/apply';
import { countImportRows, MAX_APPLY_ROWS } from '@/lib/import/apply/limits';
import { checkImportSize } from '@/lib/import/parse/decode';
import type { ImportMapping } from '@/lib/import/parse/headers';
import { saveImportMapping } from '@/lib/import/store/mappings';
import { readImportUpload, saveImportUpload } from '@/lib/import/store/uploads';
import { idSchema } from '@/lib/validation';

const optionFields = {
  existing: z.enum(['update', 'skip']).default('update'),
  createNew: z.union([z.string(), z.array(z.string())]).optional(),
  entries: z.string().optional(),
};

const optionValues = ({ existing, createNew, entries }: { existing: string; createNew?: string | string[]; entries?: string }) => ({
  existing,
  createNew,
  entries,
});

const uploadSchema = z.object({
  entity: z.enum(EXPORT_ENTITIES),
  mapping: z.union([z.literal(''), idSchema]).optional(),
  ...optionFields,
});

/** A hand or saved mapping as the dry-run page sends it back (JSON); the planner checks its keys. */
const mappingJson = z
  .string()
  .max(100_000)
  .transform((text, context): ImportMapping => {
    try {
      const value = z.record(z.string().max(200), z.string().max(100).nullable()).parse(JSON.parse(text || '{}'));
      return value;
    } catch {
      context.addIssue({ code: 'custom', message: 'import.apply.mappingInvalid' });
      return z.NEVER;
    }
  });

/** Stores the chosen file (20 MB at most, else a message and nothing stored) and opens its dry run. */
export const uploadImportAction = defineAction(
  {
    schema: uploadSchema,
    redirect: (input, data: { id: number }) => {
      // The upload form's checkbox is absent when unticked; the dry run's URL says so explicitly.
      const search = optionsSearch(optionsFrom({ ...optionValues(input), createNew: input.createNew ? '1' : '0' }, true));
      if (input.mapping) search.set('mapping', String(input.mapping));
      return `/data-manager/import/${data.id}?${search}`;
    },
  },
  async (input, user, form) => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      return { ok: false, error: 'import.ui.noFile', fieldErrors: { file: 'import.ui.noFile' } };
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) return { ok: false, error: tooLarge.reason, params: tooLarge.params };
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Only a crm_admin's upload keeps "fehlende Einträge anlegen" in the dry run's URL.
    if (!hasRole(user, 'crm_admin')) input.entries = undefined;
    return saveImportUpload(getDb(), user, { entity: input.entity, fileName: file.name, bytes });
  },
);

const applySchema = z.object({
  uploadId: idSchema,
  mapping: mappingJson,
  expectedCreate: z.coerce.number().int().min(0),
  expectedUpdate: z.coerce.number().int().min(0),
  ...optionFields,
});

/** Applies the dry run the user confirmed (same counts, no error row, at most 5,000 rows), then the list. */
export const applyImportAction = defineAction(
  {
    schema: applySchema,
    revalidate: [{ layout: '/' }],
    redirect: (_input, data: { importId: number }) => `/data-manager/imports?applied=${data.importId}`,
  },
  (input, user) => {
    const db = getDb();
    const upload = readImportUpload(db, user, input.uploadId);
    if (!upload) return { ok: false, error: 'import.apply.uploadGone' };
    if (countImportRows(upload.bytes) > MAX_APPLY_ROWS) return { ok: false, error: 'import.ui.tooManyRows' };
    return applyImport(db, user, {
      uploadId: input.uploadId,
      mapping: input.mapping,
      options: optionsFrom(optionValues(input), hasRole(user, 'crm_admin')),
      expected: { create: input.expectedCreate, update: input.expectedUpdate },
    });
  },
);

/** Saves the mapping the dry run used under a name (the same name again: replaced). */
export const saveImportMappingAction = defineAction(
  {
    schema: z.object({ entity: z.enum(EXPORT_ENTITIES), name: z.string().max(200), mapping: mappingJson }),
    success: 'import.ui.mappingSaved',
  },
  (input, user) => saveImportMapping(getDb(), user, { entity: input.entity, name: input.name, mapping: input.mapping }),
);
