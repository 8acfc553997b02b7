import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  await requirePageAccess(ADMIN_ROLES);
  const t = await getTranslations('admin');
  const cards = [
    { href: '/admin/agencies', title: t('agencies.title'), body: t('agencies.hint') },
    { href: '/admin/accounts', title: t('accounts.title'), body: t('accounts.hint') },
    { href: '/admin/accounts/new', title: t('register.title'), body: t('register.hint') },
    { href: '/admin/accounts/import', title: t('import.title'), body: t('import.hint') },
    { href: '/admin/users', title: t('users.title'), body: t('users.hint') },
    { href: '/admin/lexicons', title: t('lexicons.title'), body: t('lexicons.hint') },
    { href: '/admin/editions', title: t('editions.title'), body: t('editions.hint') },
    { href: '/admin/credentials', title: t('credentials.title'), body: t('credentials.hint') },
    { href: '/admin/health', title: t('health.title'), body: t('health.hint') },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="cards">
        {cards.map((c) => (
          <Link key={c.href} href={c.href} className="card">
            <div className="value" style={{ fontSize: 18 }}>
              {c.title}
            </div>
            <div className="label">{c.body}</div>
          </Link>
        ))}
      </div>
    </>
  );
}
