import { useTranslations } from 'next-intl';
import { EvidenceText } from '@/components/findings/evidence-text';
import type { FindingListItem } from '@/lib/schemas/finding';

export function AccountFindings({ findings }: { findings: FindingListItem[] }) {
  const t = useTranslations();
  return (
    <section className="panel" aria-label={t('account.findings')}>
      <h2>{t('account.findings')}</h2>
      {findings.length === 0 ? (
        <p className="empty">{t('findings.empty')}</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li key={f.id}>
              <strong>{f.indicatorCode}</strong> <span className="subtle">{t.has(`rules.${f.ruleId.replaceAll('.', '_')}`) ? t(`rules.${f.ruleId.replaceAll('.', '_')}`) : f.ruleId}</span>{' '}
              <span className={`badge ${f.status === 'CONFIRMED' ? 'bad' : f.status === 'SUSPECTED' ? 'warn' : 'ok'}`}>{t(`findings.statuses.${f.status}`)}</span>{' '}
              {f.isVeto ? <span className="badge bad">{t('findings.veto')}</span> : <span>−{f.points}</span>}
              {f.excerpt !== null && (
                <blockquote className="evidence">
                  <EvidenceText text={f.excerpt} start={f.spanStart} end={f.spanEnd} />
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
