// The contact list's search: a plain GET form, so it works without JavaScript and the URL keeps the query.
import type { Translate } from '@/lib/i18n';

export function ContactSearch({ query, t }: { query: string; t: Translate }) {
  return (
    <form method="get" action="/contacts" role="search" aria-label={t('contacts.title')} className="toolbar">
      <div className="field">
        <label htmlFor="contact-search-q">{t('list.searchLabel')}</label>
        <input id="contact-search-q" name="q" type="search" defaultValue={query} maxLength={200} aria-describedby="contact-search-hint" />
      </div>
      <div>
        <button type="submit" className="button">
          {t('list.search')}
        </button>
      </div>
      <span id="contact-search-hint" className="muted toolbar-hint">
        {t('contacts.searchHint')}
      </span>
    </form>
  );
}
