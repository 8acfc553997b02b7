import { useFormatter, useTranslations } from 'next-intl';
import type { PostListItemDto } from '@/lib/data/account-detail';

export function PostTimeline({ posts }: { posts: PostListItemDto[] }) {
  const t = useTranslations('account.posts');
  const format = useFormatter();
  if (posts.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <ol className="timeline">
      {posts.map((p) => (
        <li key={p.id} className={p.deletedDetectedAt ? 'deleted' : undefined}>
          <div className="meta">
            <time dateTime={p.publishedAt}>
              {format.dateTime(new Date(p.publishedAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
            {p.isPinned && <span className="badge">{t('pinned')}</span>}
            {p.isRepost && <span className="badge">{t('repost')}</span>}
            {p.editedAt && <span className="badge warn">{t('edited', { count: p.revisions })}</span>}
            {p.deletedDetectedAt && <span className="badge bad">{t('deleted')}</span>}
            {p.commentsEnabled === false && <span className="badge warn">{t('commentsOff')}</span>}
            {p.url && (
              <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
                {t('open')}
              </a>
            )}
          </div>
          {p.title && <strong>{p.title}</strong>}
          <p className="post-text">{p.text}</p>
          <div className="subtle">
            {t('metrics', {
              comments: p.commentsCount ?? p.storedComments,
              likes: p.likesCount ?? 0,
              reposts: p.repostsCount ?? 0,
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}
