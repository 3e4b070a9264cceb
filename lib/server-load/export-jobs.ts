// The downloads the export worker can write, as plain data (they cross into a worker thread), and
// how each becomes a CSV source. The server decides who may export what before a job is made.
import type Database from 'better-sqlite3';
import { dashboardCsvSource, type DashboardExportJob } from '@/lib/crm/dashboard/export-rows';
import type { CsvSource } from '@/lib/csv/stream';
import { dataManagerCsvSource, type DataManagerExportJob } from '@/lib/data-manager/export-rows';

export type ExportJob = DashboardExportJob | DataManagerExportJob;

export function csvSourceOf(sqlite: Database.Database, job: ExportJob): CsvSource {
  switch (job.kind) {
    case 'dashboard':
      return dashboardCsvSource(sqlite, job);
    case 'dataManager':
      return dataManagerCsvSource(sqlite, job);
  }
}
