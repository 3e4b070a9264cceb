// Previous/next links for a paginated list; the page number lives in the URL (`page`, or the name a
// list on a record's page uses, such as the history's `historyPage`).
import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

export function Pagination({
  basePath,
  search,
  page,
  pageSize,
  total,
  t,
  param = 'page',
  fragment,
  label,
}: {
  basePath: string;
  /** The list's other parameters, kept on every link. */
  search: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
  t: Translate;
  /** The parameter holding the page number. */
  param?: string;
  /** An element id the links scroll to (the list's heading on a longer page). */
  fragment?: string;
  /** The navigation's accessible name where a page has more than one list. */
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(search);
    if (target > 1) next.set(param, String(target));
    else next.delete(param);
    const query = next.toString();
    return `${query ? `${basePath}?${query}` : basePath}${fragment ? `#${fragment}` : ''}`;
  };
  return (
    <nav className="pagination" aria-label={label ?? t('list.pagination')}>
      {page > 1 ? <Link href={hrefFor(page - 1)}>← {t('list.previous')}</Link> : <span aria-hidden="true" />}
      <span>{t('list.pageOf', { page, pages })}</span>
      {page < pages ? <Link href={hrefFor(page + 1)}>{t('list.next')} →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}

export { pageFrom } from '@/lib/url-params';

/** A page's search parameters as Next hands them over, without `name`: what its links keep. */
export function searchWithout(raw: Record<string, string | string[] | undefined>, name: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === name || value === undefined) continue;
    for (const one of [value].flat()) search.append(key, one);
  }
  return search;
}
