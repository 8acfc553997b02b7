import { useFormatter, useTranslations } from 'next-intl';
import type { SnapshotDto } from '@/lib/data/account-detail';

type Change = { at: string; field: string; from: string; to: string };

export function ProfileHistory({ latest, changes }: { latest: SnapshotDto | null; changes: Change[] }) {
  const t = useTranslations('account.profile');
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      {latest ? (
        <dl className="facts">
          <dt>{t('name')}</dt>
          <dd>{latest.displayName}</dd>
          <dt>{t('verified')}</dt>
          <dd>{latest.isVerified === null ? '—' : latest.isVerified ? `✔ ${latest.verifiedReason ?? ''}` : '✘'}</dd>
          <dt>{t('followers')}</dt>
          <dd>{latest.followersCount === null ? '—' : format.number(latest.followersCount)}</dd>
          <dt>{t('interaction')}</dt>
          <dd>{latest.isInteractionEnabled === null ? '—' : latest.isInteractionEnabled ? t('on') : t('off')}</dd>
          <dt>{t('takenAt')}</dt>
          <dd>{format.dateTime(new Date(latest.takenAt), { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        </dl>
      ) : (
        <p className="empty">{t('none')}</p>
      )}
      <h3>{t('changes')}</h3>
      {changes.length === 0 ? (
        <p className="empty">{t('noChanges')}</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={`${c.at}-${c.field}`}>
              {format.dateTime(new Date(c.at), { dateStyle: 'medium' })} · {t(`field.${c.field}`)}: {c.from} → {c.to}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
