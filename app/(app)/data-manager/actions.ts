'use server';
// Export templates of the data manager: every signed-in user saves and deletes their own column sets;
// each action checks the session itself through defineAction.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { deleteExportTemplate, saveExportTemplate } from '@/lib/data-manager/mutations';
import { deleteExportTemplateSchema, saveExportTemplateSchema } from '@/lib/data-manager/schemas';

/** Saves the chosen columns as a named template (same name again: replaced). */
export const saveExportTemplateAction = defineAction(
  { schema: saveExportTemplateSchema, success: 'dataManager.templateSaved', revalidate: '/data-manager' },
  (input, user) => saveExportTemplate(getDb(), user, input),
);

/** Deletes one of the user's own templates. */
export const deleteExportTemplateAction = defineAction(
  { schema: deleteExportTemplateSchema, success: 'dataManager.templateDeleted', revalidate: '/data-manager' },
  (input, user) => deleteExportTemplate(getDb(), user, input),
);
