import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { TopBar } from '@/components/layout/top-bar';
import { getCurrentAccess } from '@/lib/auth/session';
import { countSharedOpenAlerts } from '@/lib/services/count-open-alerts';
import { Providers } from './providers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: `${t('name')} · ${t('tagline')}`, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, access, t] = await Promise.all([getLocale(), getCurrentAccess(), getTranslations('nav')]);
  const openAlerts = access ? await countSharedOpenAlerts({ access }) : 0;
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <Providers>
            <a href="#main" className="skip-link">
              {t('skipToContent')}
            </a>
            <TopBar access={access} openAlerts={openAlerts} />
            <main id="main">{children}</main>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
