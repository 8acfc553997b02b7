import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Also what objects outside the user's scope answer: their existence is not revealed. */
export default async function NotFound() {
  const t = await getTranslations('states');
  return (
    <div className="narrow">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/">{t('back')}</Link>
    </div>
  );
}
