import { getTranslations } from 'next-intl/server';

/** Route loading state: a placeholder shown while the server renders a list page. */
export async function PageLoading() {
  const t = await getTranslations('common');
  return (
    <div className="page-loading" role="status" aria-live="polite" aria-busy="true">
      <p className="subtle">{t('loading')}</p>
      <div className="skeleton skeleton-title" />
      <div className="panel">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton skeleton-row" />
        ))}
      </div>
    </div>
  );
}
