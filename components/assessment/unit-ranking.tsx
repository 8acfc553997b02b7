import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { RankedUnit } from '@/lib/services/compute-annual-assessment';

const CODES = ['A1', 'A2', 'A3', 'A4', 'A5'] as const;

/** The units of the next level ranked by the same assessment, each linking to its own. */
export function UnitRanking({ rows, year }: { rows: RankedUnit[]; year: number }) {
  const t = useTranslations('assessment');
  return (
    <section className="panel" aria-labelledby="assessment-ranking">
      <h2 id="assessment-ranking">{t('rankingHeading')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('rankingEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('columns.rank')}
                </th>
                <th scope="col">{t('columns.unit')}</th>
                <th scope="col" className="num">
                  {t('columns.accounts')}
                </th>
                <th scope="col" className="num">
                  {t('columns.score')}
                </th>
                <th scope="col">{t('columns.veto')}</th>
                {CODES.map((c) => (
                  <th key={c} scope="col" className="num">
                    {c} {t(`items.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <td className="num">{r.rank}</td>
                  <td>
                    <Link href={`/assessment?unit=${r.unitId}&year=${year}`}>{r.name}</Link>
                  </td>
                  <td className="num">{r.accounts}</td>
                  <td className="num">
                    {r.score}
                    {r.hasInsufficientData && (
                      <span className="badge warn" title={t('insufficient')}>
                        {t('statuses.INSUFFICIENT_DATA')}
                      </span>
                    )}
                  </td>
                  <td>{r.vetoed ? <span className="badge bad">{t('yes')}</span> : t('no')}</td>
                  {CODES.map((c) => {
                    const d = r.deductions.find((x) => x.code === c);
                    return (
                      <td key={c} className="num">
                        {d ? (d.deducted ? `−${d.deducted}` : '0') : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
