// Helpers of the import's apply tests: an entity's export as a sheet to edit, the sheet as an Excel
// file, and a file uploaded, dry-run and applied with the dry run's counts as the import page does.
import Papa from 'papaparse';
import type { Db } from '@/db/client';
import type { ExportEntity } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { visibleColumns } from '@/lib/data-manager/columns';
import { applyImport } from '@/lib/import/apply/apply';
import { planImport } from '@/lib/import/plan/queries';
import type { ImportOptions } from '@/lib/import/plan/types';
import { saveImportUpload } from '@/lib/import/store/uploads';
import { bytesOf, exportText } from './import-export';

export const UPDATE: ImportOptions = { existing: 'update', createNew: true, createMissingEntries: false };

export type Sheet = { header: string[]; rows: string[][] };

/** Every column of the entity's export the user may see, excel dialect, German, parsed. */
export function sheetOf(db: Db, entity: ExportEntity, user: SessionUser): Sheet {
  const keys = visibleColumns(entity, user.roles.includes('crm')).map((column) => column.key);
  const text = exportText(db, user, entity, keys, 'excel', 'de').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
  return { header, rows };
}

export const excelFile = ({ header, rows }: Sheet) => '\uFEFF' + Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n' });

export function setCell(sheet: Sheet, row: number, header: string, value: string): void {
  const index = sheet.header.indexOf(header);
  if (index < 0) throw new Error(`no header ${header}`);
  sheet.rows[row][index] = value;
}

export function uploadFile(db: Db, user: SessionUser, entity: ExportEntity, text: string): number {
  const saved = saveImportUpload(db, user, { entity, fileName: `${entity}.csv`, bytes: bytesOf(text) });
  if (!saved.ok) throw new Error(saved.error);
  return saved.data.id;
}

/** Upload, dry run and apply with the dry run's counts. */
export function importFile(db: Db, user: SessionUser, entity: ExportEntity, text: string, options = UPDATE) {
  const uploadId = uploadFile(db, user, entity, text);
  const plan = planImport(db, user, { entity, bytes: bytesOf(text), options });
  const expected = plan.ok ? { create: plan.counts.create, update: plan.counts.update } : { create: 0, update: 0 };
  return { plan, uploadId, result: applyImport(db, user, { uploadId, options, expected }) };
}
