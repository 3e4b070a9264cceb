// The partner list's search: a plain GET form, so it works without JavaScript and the URL keeps the query.
import type { Translate } from '@/lib/i18n';
import { serialisePartnerListParams, type PartnerListParams } from '@/lib/partners/schemas';

export function PartnerSearch({ params, t }: { params: PartnerListParams; t: Translate }) {
  // The order stays as chosen; a new search starts on page 1.
  const kept = [...serialisePartnerListParams({ ...params, q: '' }).entries()];
  return (
    <form method="get" action="/partners" role="search" aria-label={t('partners.title')} className="toolbar">
      <div className="field">
        <label htmlFor="partner-search-q">{t('list.searchLabel')}</label>
        <input
          id="partner-search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={200}
          aria-describedby="partner-search-hint"
        />
      </div>
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <button type="submit" className="button">
          {t('list.search')}
        </button>
      </div>
      <span id="partner-search-hint" className="muted toolbar-hint">
        {t('partners.searchHint')}
      </span>
    </form>
  );
}
