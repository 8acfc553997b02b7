'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { exportJobQueries } from '@/lib/query/export-jobs';
import type { ExportJobDto } from '@/lib/schemas/export-job';

const TONE = { QUEUED: 'warn', RUNNING: 'warn', DONE: 'ok', FAILED: 'bad' } as const;

function JobStatus({ job }: { job: ExportJobDto }) {
  const t = useTranslations('exports.jobs');
  const label = t(`statuses.${job.status}`, { done: job.stepsDone, total: job.stepsTotal });
  return (
    <span className="status-cell">
      <span className={`badge ${TONE[job.status]}`}>{label}</span>
      {job.status === 'RUNNING' && job.stepsTotal > 0 && (
        <progress value={job.stepsDone} max={job.stepsTotal} aria-label={label} />
      )}
      {job.status === 'FAILED' && job.error && <span className="error">{job.error}</span>}
    </span>
  );
}

/** The user's background exports, refreshed every 2 s while one is queued or being generated; a link when ready. */
export function ExportJobs() {
  const t = useTranslations('exports');
  const format = useFormatter();
  const { data } = useQuery(exportJobQueries.list());
  const items = data?.items ?? [];
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="panel" aria-label={t('jobs.title')}>
      <h2>{t('jobs.title')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('jobs.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('jobs.requestedAt')}</th>
              <th scope="col">{t('jobs.document')}</th>
              <th scope="col">{t('jobs.status')}</th>
              <th scope="col">{t('jobs.download')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((job) => (
              <tr key={job.id} data-status={job.status}>
                <td>{when(job.createdAt)}</td>
                <td>
                  {t(`jobs.kinds.${job.kind}`)} · {job.agencyName} · {job.period} · {t(`formats.${job.format}`)}
                </td>
                <td>
                  <JobStatus job={job} />
                </td>
                <td>
                  {job.status === 'DONE' ? (
                    <>
                      <a href={`/api/export-jobs/${job.id}/file`} download={job.filename ?? true}>
                        {t('jobs.download')}
                      </a>
                      {job.expiresAt && (
                        <span className="subtle"> {t('jobs.expires', { at: when(job.expiresAt) })}</span>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
