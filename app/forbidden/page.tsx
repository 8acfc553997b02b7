import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function ForbiddenPage() {
  const t = await getTranslations('forbidden');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <Link href="/">{t('back')}</Link>
    </div>
  );
}
