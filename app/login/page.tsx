import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentAccess } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await getCurrentAccess()) redirect('/');
  const t = await getTranslations('login');
  const isDemo = process.env.XUNJIAN_DEMO === '1';
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <LoginForm />
      {isDemo && (
        <section className="panel" aria-label={t('demoTitle')}>
          <h2>{t('demoTitle')}</h2>
          <p className="subtle">{t('demoHint')}</p>
          <ul>
            <li>admin@demo.xunjian.local / demo-admin-2026</li>
            <li>supervisor@demo.xunjian.local / demo-supervisor-2026</li>
            <li>auditor@demo.xunjian.local / demo-auditor-2026</li>
          </ul>
        </section>
      )}
    </div>
  );
}
