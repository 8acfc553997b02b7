import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/config';
import { LocaleSwitcher } from './locale-switcher';

export async function TopBar() {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')} <small>{t('app.tagline')}</small>
      </Link>
      <nav aria-label={t('app.name')}>
        <Link href="/">{t('nav.overview')}</Link>
      </nav>
      <LocaleSwitcher current={isLocale(locale) ? locale : DEFAULT_LOCALE} label={t('nav.language')} />
    </header>
  );
}
