'use server';
// Export templates of the data manager: every signed-in user saves and deletes their own column sets;
// each action checks the session itself through defineAction.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { deleteExportTemplate, saveExportTemplate } from '@/lib/data-manager/mutations';
import { deleteExportTemplateSchema, saveExportTemplateSchema } from '@/lib/data-manager/schemas';

/** Saves the chosen columns as a named template (same name again: replaced). */
export const saveExportTemplateAction = defineAction({ schema: saveExportTemplateSchema, success: 'dataManager.templateSaved' }, (input, user) => {
  const result = saveExportTemplate(getDb(), user, input);
  if (result.ok) revalidatePath('/data-manager');
  return result;
});

/** Deletes one of the user's own templates. */
export const deleteExportTemplateAction = defineAction({ schema: deleteExportTemplateSchema, success: 'dataManager.templateDeleted' }, (input, user) => {
  const result = deleteExportTemplate(getDb(), user, input.id);
  if (result.ok) revalidatePath('/data-manager');
  return result;
});
