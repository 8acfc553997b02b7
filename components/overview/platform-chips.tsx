import { useTranslations } from 'next-intl';

export function PlatformChips({ items }: { items: Array<{ platformCode: string; count: number }> }) {
  const t = useTranslations();
  return (
    <section className="panel" aria-label={t('overview.byPlatform')}>
      <h2>{t('overview.byPlatform')}</h2>
      <div className="chips">
        {items.map((p) => (
          <span key={p.platformCode} className="chip">
            {t(`platforms.${p.platformCode}`)} · {p.count}
          </span>
        ))}
      </div>
    </section>
  );
}
