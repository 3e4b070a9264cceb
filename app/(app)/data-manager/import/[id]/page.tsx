// /data-manager/import/<id>: the dry run of the user's own upload (another's or an unknown id: 404) with
// the options and hand mapping of the URL: the file's problems, the ignored headers, the counts, the rows
// (100 a page, by action) with before → after and every error; "Anwenden" only without error rows and
// up to 5,000 rows; "Zuordnung speichern". The plan runs in the heavy-read line so that one user's large
// file does not hold up the others.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportOptionsForm } from '@/components/data-manager/import/options-form';
import { handMappingFrom, optionsFrom, ROW_ACTIONS, rowFilterFrom, savedMappingIdFrom } from '@/components/data-manager/import/params';
import { PlanRows, ProblemTable } from '@/components/data-manager/import/plan-rows';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { Pagination, pageFrom, searchWithout } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { ENTITY_LABELS } from '@/lib/data-manager/columns';
import type { MessageKey } from '@/lib/i18n';
import { MAX_APPLY_ROWS } from '@/lib/import/apply/limits';
import { openCsvFile } from '@/lib/import/parse/open';
import { columnForHeader, type ImportMapping } from '@/lib/import/parse/headers';
import { IMPORT_FIELDS } from '@/lib/import/plan/fields';
import { readPlanNames } from '@/lib/import/plan/names';
import { planImport } from '@/lib/import/plan/queries';
import { listImportMappings } from '@/lib/import/store/mappings';
import { readImportUpload } from '@/lib/import/store/uploads';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { idSchema } from '@/lib/validation';
import { applyImportAction, saveImportMappingAction } from '../actions';

export const generateMetadata = () => pageTitle('import.ui.title');

const PAGE_SIZE = 100;

export default async function ImportDryRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const upload = readImportUpload(db, user, id.data);
  if (!upload) notFound();
  const raw = await searchParams;
  const entity = upload.entity;
  const withCrm = hasRole(user, 'crm');
  const mayCreateEntries = hasRole(user, 'crm_admin');
  const options = optionsFrom(raw, mayCreateEntries);
  const savedId = savedMappingIdFrom(raw);
  const saved = savedId === undefined ? undefined : listImportMappings(db, user, entity).find((mapping) => mapping.id === savedId);
  const hand = handMappingFrom(raw);
  const mapping: ImportMapping = { ...(saved?.mapping ?? {}), ...hand };
  const { plan, names } = await heavyRead(user.id, () => {
    const plan = planImport(db, user, { entity, bytes: upload.bytes, mapping, options });
    return { plan, names: plan.ok ? readPlanNames(db, plan) : {} };
  });

  const opened = openCsvFile(upload.bytes);
  const headers = plan.ok
    ? plan.mapping
    : opened.ok
      ? opened.header.map((header) => ({ header, key: Object.hasOwn(hand, header) ? hand[header] : columnForHeader(entity, header) }))
      : [];
  const columns = IMPORT_FIELDS[entity]
    .filter((field) => field.write.kind !== 'readOnly' && (!field.crm || withCrm))
    .map((field) => ({ key: field.key, label: t(field.label) }));
  const basePath = `/data-manager/import/${upload.id}`;
  const filter = rowFilterFrom(raw);
  const page = pageFrom(raw.page);

  const optionsForm = (
    <ImportOptionsForm
      action={basePath}
      entity={entity}
      options={options}
      mayCreateEntries={mayCreateEntries}
      savedMappingId={saved?.id}
      headers={headers.map(({ header, key }) => ({ header, key: key && columns.some((column) => column.key === key) ? key : null }))}
      columns={columns}
      t={t}
    />
  );
  const heading = (
    <>
      <h1>{t('import.ui.dryRunTitle', { file: upload.fileName })}</h1>
      <p>
        <Link href="/data-manager/import">← {t('import.ui.newUpload')}</Link> ·{' '}
        <Link href="/data-manager/imports">{t('import.ui.listLink')}</Link>
      </p>
      <p className="muted">
        {t(ENTITY_LABELS[entity])} · {t('import.ui.dryRunIntro')} {t('import.ui.sizeNote')}
      </p>
    </>
  );

  if (!plan.ok) {
    return (
      <>
        {heading}
        <p className="alert alert-error" role="alert">
          {t('import.ui.hasErrors')}
        </p>
        <ProblemTable problems={plan.problems} caption={t('import.ui.fileProblems')} t={t} />
        {optionsForm}
      </>
    );
  }

  const rowCount = plan.rows.length + plan.problems.filter((problem) => problem.line !== null).length;
  const tooMany = rowCount > MAX_APPLY_ROWS;
  const hasErrors = plan.counts.error > 0 || plan.problems.length > 0;
  const nothingToDo = plan.counts.create + plan.counts.update === 0;
  const shown = filter ? plan.rows.filter((row) => row.action === filter) : plan.rows;
  const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const keep = searchWithout(raw, 'page');
  const filterHref = (action?: string) => {
    const search = searchWithout(raw, 'page');
    search.delete('action');
    if (action) search.set('action', action);
    return `${basePath}?${search}`;
  };
  const usedMapping = Object.fromEntries(plan.mapping.map(({ header, key }) => [header, key]));

  return (
    <>
      {heading}
      {plan.problems.length > 0 && <ProblemTable problems={plan.problems} caption={t('import.ui.fileProblems')} t={t} />}
      {plan.ignored.length > 0 && <p className="alert">{t('import.ui.ignored', { columns: plan.ignored.join(', ') })}</p>}
      {plan.newEntries.length > 0 && (
        <p className="alert">{t('import.ui.newEntries', { names: plan.newEntries.map((entry) => entry.name).join(', ') })}</p>
      )}
      <section aria-labelledby="import-counts">
        <h2 id="import-counts">{t('import.ui.counts')}</h2>
        <nav aria-label={t('import.ui.filter')}>
          <ul className="plain inline">
            <li>
              <Link href={filterHref()} aria-current={filter ? undefined : 'page'}>
                {t('import.ui.filterAll')}: {format.integer(plan.rows.length)}
              </Link>
            </li>
            {ROW_ACTIONS.map((action) => (
              <li key={action}>
                <Link href={filterHref(action)} aria-current={filter === action ? 'page' : undefined}>
                  {t(`import.ui.action.${action}` as MessageKey)}: <span data-count={action}>{format.integer(plan.counts[action])}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </section>
      {hasErrors ? (
        <p className="alert alert-error" role="alert">
          {t('import.ui.hasErrors')}
        </p>
      ) : tooMany ? (
        <p className="alert alert-error" role="alert">
          {t('import.ui.tooManyRows')}
        </p>
      ) : nothingToDo ? (
        <p className="alert" role="status">
          {t('import.ui.nothingToDo')}
        </p>
      ) : (
        <ActionForm action={applyImportAction} submitLabel={t('import.ui.apply')} label={t('import.ui.apply')}>
          <p>{t('import.ui.applyIntro', { create: format.integer(plan.counts.create), update: format.integer(plan.counts.update) })}</p>
          <input type="hidden" name="uploadId" value={String(upload.id)} />
          <input type="hidden" name="mapping" value={JSON.stringify(mapping)} />
          <input type="hidden" name="existing" value={options.existing} />
          <input type="hidden" name="createNew" value={options.createNew ? '1' : '0'} />
          {options.createMissingEntries && <input type="hidden" name="entries" value="1" />}
          <input type="hidden" name="expectedCreate" value={String(plan.counts.create)} />
          <input type="hidden" name="expectedUpdate" value={String(plan.counts.update)} />
        </ActionForm>
      )}
      <section aria-labelledby="import-rows">
        <h2 id="import-rows">{filter ? t(`import.ui.action.${filter}` as MessageKey) : t('import.ui.filter')}</h2>
        <PlanRows entity={entity} rows={pageRows} names={names} t={t} format={format} />
        <Pagination basePath={basePath} search={keep} page={page} pageSize={PAGE_SIZE} total={shown.length} t={t} />
      </section>
      {optionsForm}
      <ActionForm
        action={saveImportMappingAction}
        submitLabel={t('import.ui.saveMapping')}
        label={t('import.ui.saveMapping')}
        disclosure={t('import.ui.saveMapping')}
      >
        <input type="hidden" name="entity" value={entity} />
        <input type="hidden" name="mapping" value={JSON.stringify(usedMapping)} />
        <TextField name="name" label={t('import.ui.mappingName')} defaultValue={saved?.name ?? ''} maxLength={100} />
      </ActionForm>
    </>
  );
}
