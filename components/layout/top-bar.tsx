import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/actions/sign-out';
import type { Access } from '@/lib/access';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/config';
import { SECTIONS, visibleSections } from '@/lib/sections';
import { LocaleSwitcher } from './locale-switcher';
import { NavLinks } from './nav-links';
import { SiteMenu } from './site-menu';

export async function TopBar({ access, openAlerts }: { access: Access | null; openAlerts: number }) {
  const t = await getTranslations();
  const locale = await getLocale();
  // One table decides what the navigation lists and what each section's guard lets in (lib/sections.ts).
  const links = access
    ? visibleSections(access).map((id) =>
        id === 'alerts'
          ? {
              href: SECTIONS[id].href,
              label: t(`nav.${id}`),
              count: openAlerts,
              countLabel: t('nav.openAlerts', { count: openAlerts }),
            }
          : { href: SECTIONS[id].href, label: t(`nav.${id}`) },
      )
    : [];
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')} <small>{t('app.tagline')}</small>
      </Link>
      <SiteMenu label={t('nav.menu')}>
        <NavLinks links={links} label={t('app.name')} />
        <div className="topbar-tools">
          <LocaleSwitcher current={isLocale(locale) ? locale : DEFAULT_LOCALE} label={t('nav.language')} />
          {access && (
            <form action={signOutAction} className="user">
              <span title={access.email}>{t('nav.signedInAs', { name: access.name })}</span>
              <button type="submit" className="link-button">
                {t('nav.signOut')}
              </button>
            </form>
          )}
        </div>
      </SiteMenu>
    </header>
  );
}
