import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AccountFindings } from '@/components/accounts/account-findings';
import { BonusAwards } from '@/components/accounts/bonus-awards';
import { CoverageStrip } from '@/components/accounts/coverage-strip';
import { PostTimeline } from '@/components/accounts/post-timeline';
import { ProfileHistory } from '@/components/accounts/profile-history';
import { ScoreHistory } from '@/components/accounts/score-history';
import { UnknownIndicators } from '@/components/accounts/unknown-indicators';
import { Pagination } from '@/components/ui/pagination';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getAccountBonus } from '@/lib/services/award-bonus';
import { getAccountDetail, POSTS_PAGE_SIZE } from '@/lib/services/get-account-detail';
import { platformName } from '@/lib/platforms';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });
const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ params, searchParams }: Props) {
  const access = await requirePageAccess(READ_ROLES);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { page } = searchSchema.parse(await searchParams);
  const detail = await getAccountDetail({ access, accountId: parsed.data.id, page, now: new Date() }).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
      throw e;
    },
  );
  const [t, format, locale, bonus] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    getAccountBonus({ access, accountId: parsed.data.id }),
  ]);
  const { header } = detail;
  return (
    <>
      <p className="subtle">
        <Link href={`/agencies/${header.agency.id}`}>{header.agency.name}</Link> ·{' '}
        {platformName(header.platformCode, locale)}
      </p>
      <h1>{header.displayName}</h1>
      <p className="subtle">
        {t('account.handle')}: {header.handle} · {t('account.filing')}: {header.filingNumber ?? '—'} (
        {t(`account.filingStatus.${header.filingStatus}`)}) · {t(`account.lifecycle.${header.lifecycle}`)}
        {header.openedAt &&
          ` · ${t('account.openedAt')} ${format.dateTime(new Date(header.openedAt), { dateStyle: 'medium' })}`}
      </p>
      <ScoreHistory scores={detail.scores} />
      <AccountFindings
        findings={detail.findings}
        total={detail.findingsTotal}
        deductions={detail.scores[0]?.deductions ?? []}
        isInformational={detail.scores[0]?.isVetoed ?? false}
      />
      {detail.scores[0] && <UnknownIndicators indicators={detail.scores[0].indicators} />}
      <BonusAwards accountId={header.id} {...bonus} />
      <div className="two-col">
        <ProfileHistory latest={detail.latestSnapshot} changes={detail.profileChanges} />
        <CoverageStrip cells={detail.coverage} days={detail.coverageDays} />
      </div>
      <section className="panel" aria-label={t('account.posts.title')}>
        <h2>{t('account.posts.title')}</h2>
        <PostTimeline posts={detail.posts.items} />
        <Pagination
          page={page}
          pageSize={POSTS_PAGE_SIZE}
          total={detail.posts.total}
          hrefFor={(p) => `/accounts/${header.id}?page=${p}`}
          labels={{
            previous: t('common.previous'),
            next: t('common.next'),
            summary: t('common.pageOf', { page, pages: Math.max(1, Math.ceil(detail.posts.total / POSTS_PAGE_SIZE)) }),
          }}
        />
      </section>
    </>
  );
}
