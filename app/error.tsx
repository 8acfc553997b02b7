'use client';

import { useTranslations } from 'next-intl';

/** A failing page keeps the navigation and offers a retry; details stay in the server log (digest only). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('states');
  return (
    <div className="narrow" role="alert">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorBody')}</p>
      {error.digest && <p className="hint">{t('errorRef', { digest: error.digest })}</p>}
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}
