import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CreateRepostTaskForm } from '@/components/repost-tasks/create-repost-task-form';
import { hasRole, READ_ROLES, REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listRepostTaskAgencies, listRepostTasks } from '@/lib/services/list-repost-tasks';
import { platformName } from '@/lib/platforms';

export const dynamic = 'force-dynamic';

export default async function RepostTasksPage() {
  const access = await requirePageAccess(READ_ROLES);
  const canCreate = hasRole(access, REVIEW_ROLES);
  const [tasks, agencies, t, format, locale] = await Promise.all([
    listRepostTasks({ access, now: new Date() }),
    canCreate ? listRepostTaskAgencies({ access }) : Promise.resolve([]),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1>{t('repostTasks.title')}</h1>
      <p className="subtle">{t('repostTasks.hint')}</p>
      {canCreate && <CreateRepostTaskForm agencies={agencies} />}
      {tasks.length === 0 && <p className="empty">{t('repostTasks.empty')}</p>}
      {tasks.map((task) => (
        <section key={task.id} className="panel" aria-label={task.title}>
          <h2>{task.title}</h2>
          <p className="subtle">
            {task.agencyName} · {t('repostTasks.window', { from: when(task.publishedAt), to: when(task.deadline) })} ·{' '}
            {t('repostTasks.terms')}: {task.matchTerms.join('、')}
            {task.itemUrl && (
              <>
                {' '}
                ·{' '}
                <a href={task.itemUrl} rel="noopener noreferrer">
                  {t('repostTasks.item')}
                </a>
              </>
            )}
          </p>
          <details open={task.targets.length <= 20}>
            <summary>{t('repostTasks.counts', task.counts)}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('overview.account')}</th>
                  <th scope="col">{t('overview.platform')}</th>
                  <th scope="col">{t('overview.agency')}</th>
                  <th scope="col">{t('repostTasks.status')}</th>
                </tr>
              </thead>
              <tbody>
                {task.targets.map((target) => (
                  <tr key={target.accountId}>
                    <td>
                      <Link href={`/accounts/${target.accountId}`}>{target.displayName}</Link>
                    </td>
                    <td>{platformName(target.platformCode, locale)}</td>
                    <td>{target.agencyName}</td>
                    <td>
                      <span
                        className={`badge ${target.status === 'REPOSTED' ? 'ok' : target.status === 'MISSED' ? 'bad' : 'warn'}`}
                      >
                        {t(`repostTasks.statuses.${target.status}`)}
                      </span>
                      {target.post && (
                        <span className="subtle">
                          {' '}
                          <a
                            href={target.post.url ?? `/accounts/${target.accountId}`}
                            target="_blank"
                            rel="noopener noreferrer nofollow"
                          >
                            {when(target.post.publishedAt)}
                            <span className="sr-only">
                              {' '}
                              {t('repostTasks.openPost', { account: target.displayName })}
                            </span>
                          </a>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      ))}
    </>
  );
}
