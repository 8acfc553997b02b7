import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions';
import type { Access } from '@/lib/access';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/config';
import { LocaleSwitcher } from './locale-switcher';
import { NavLinks } from './nav-links';

export async function TopBar({ access, openAlerts }: { access: Access | null; openAlerts: number }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const roles = new Set(access?.grants.map((g) => g.role) ?? []);
  const links = access
    ? [
        { href: '/', label: t('nav.overview') },
        { href: '/alerts', label: t('nav.alerts'), count: openAlerts, countLabel: t('nav.openAlerts', { count: openAlerts }) },
        { href: '/agencies', label: t('nav.agencies') },
        { href: '/findings', label: t('nav.findings') },
        { href: '/rectifications', label: t('nav.rectifications') },
        { href: '/inspections', label: t('nav.inspections') },
        { href: '/repost-tasks', label: t('nav.repostTasks') },
        { href: '/exports', label: t('nav.exports') },
        ...(roles.has('ADMIN') ? [{ href: '/admin', label: t('nav.admin') }] : []),
      ]
    : [];
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')} <small>{t('app.tagline')}</small>
      </Link>
      <NavLinks links={links} label={t('app.name')} />
      <LocaleSwitcher current={isLocale(locale) ? locale : DEFAULT_LOCALE} label={t('nav.language')} />
      {access && (
        <form action={signOutAction} className="user">
          <span title={access.email}>{t('nav.signedInAs', { name: access.name })}</span>
          <button type="submit" className="link-button">
            {t('nav.signOut')}
          </button>
        </form>
      )}
    </header>
  );
}
