// Previous/next links for a paginated list; the page number lives in the URL (`page`).
import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

export function Pagination({
  basePath,
  search,
  page,
  pageSize,
  total,
  t,
}: {
  basePath: string;
  /** The list's other parameters, kept on every link. */
  search: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
  t: Translate;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(search);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    const query = next.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav className="pagination" aria-label={t('list.pagination')}>
      {page > 1 ? <Link href={hrefFor(page - 1)}>← {t('list.previous')}</Link> : <span aria-hidden="true" />}
      <span>{t('list.pageOf', { page, pages })}</span>
      {page < pages ? <Link href={hrefFor(page + 1)}>{t('list.next')} →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}

/** The 1-based page number from a `page` parameter; anything odd is page 1. */
export function pageFrom(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
