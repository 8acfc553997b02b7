import { useTranslations } from 'next-intl';
import { EvidenceText } from '@/components/findings/evidence-text';
import { DeductionText } from '@/components/scores/deduction-text';
import type { DeductionFigure } from '@/lib/services/figures/deductions';
import type { FindingListItem } from '@/lib/schemas/finding';
import { indicatorLabel, loose, ruleLabel } from '@/components/ui/code-labels';

type Props = {
  findings: FindingListItem[];
  /** The latest score's deductions per indicator: what its findings add up to and what counted (capped). */
  deductions: DeductionFigure[];
  /** Vetoed: the deductions are listed for information only. */
  isInformational: boolean;
  /** All findings of the latest inspection; the list shows the first page of them. */
  total: number;
};

export function AccountFindings({ findings, deductions, isInformational, total }: Props) {
  const t = useTranslations();
  return (
    <section className="panel" aria-label={t('account.findings')}>
      <h2>{t('account.findings')}</h2>
      {deductions.length > 0 && (
        <div data-testid="account-deductions">
          <h3>{t('account.deductions.title')}</h3>
          {isInformational && <p className="subtle">{t('account.deductions.informational')}</p>}
          <ul>
            {deductions.map((d) => (
              <li key={d.code}>
                <strong>{indicatorLabel(loose(t), d.code)}</strong>{' '}
                <span className={d.isCapped ? 'badge warn' : ''}>
                  <DeductionText deduction={d} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {total > findings.length && (
        <p className="hint">{t('overview.showingFirst', { shown: findings.length, total })}</p>
      )}
      {findings.length === 0 ? (
        <p className="empty">{t('findings.empty')}</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li key={f.id}>
              <strong>{indicatorLabel(loose(t), f.indicatorCode)}</strong>{' '}
              <span className="subtle">{ruleLabel(loose(t), f.ruleId)}</span>{' '}
              <span className={`badge ${f.status === 'CONFIRMED' ? 'bad' : f.status === 'SUSPECTED' ? 'warn' : 'ok'}`}>
                {t(`findings.statuses.${f.status}`)}
              </span>{' '}
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
