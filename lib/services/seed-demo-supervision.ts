import type { PrismaClient } from '@/lib/db/types';
import { insertBonusAward } from '@/lib/data/bonus-awards';
import { insertRepostTask, listTargetAccountIds } from '@/lib/data/repost-tasks';
import { insertLexicon } from '@/lib/data/scoring-config';
import { DEMO_LEADERS_LEXICON } from '@/lib/demo/leaders';
import { DEMO_REPOST_TASK, repostTaskTimes } from '@/lib/demo/repost-task';
import type { DemoProvince } from '@/lib/demo/province';
import { DAY_MS, shanghaiDay, shanghaiDayStart } from '@/lib/time';
import { matchRepostTargets } from './match-repost-targets';

/**
 * What the demo province's offices have done before the first inspection: its leaders entered as protected terms,
 * the reposting task whose reposts the histories contain, and one bonus award. Written straight through lib/data: there is no signed-in user to check.
 */
export async function seedDemoSupervision(
  db: PrismaClient,
  province: DemoProvince,
  agencyIds: Map<string, string>,
  accountIds: Map<string, string>,
) {
  await insertLexicon(db, DEMO_LEADERS_LEXICON);
  const targetAgencyId = agencyIds.get(DEMO_REPOST_TASK.targetAgencyKey);
  const issuerAgencyId = agencyIds.get(DEMO_REPOST_TASK.issuerKey.split(':')[0] ?? '');
  let repostTargets = 0;
  if (targetAgencyId && issuerAgencyId && province.repostItemUrl) {
    const targets = await listTargetAccountIds(db, targetAgencyId, DEMO_REPOST_TASK.platformCodes);
    const task = await insertRepostTask(db, {
      agencyId: issuerAgencyId,
      title: DEMO_REPOST_TASK.title,
      itemUrl: province.repostItemUrl,
      matchTerms: DEMO_REPOST_TASK.matchTerms,
      ...repostTaskTimes(province.now),
      createdById: null,
      accountIds: targets,
    });
    await matchRepostTargets(db, { taskId: task.id });
    repostTargets = targets.length;
  }
  const { bonus } = DEMO_REPOST_TASK;
  const bonusAccountId = accountIds.get(bonus.accountKey);
  if (bonusAccountId) {
    const day = shanghaiDay(new Date(province.now.getTime() - bonus.daysAgo * DAY_MS));
    await insertBonusAward(db, {
      accountId: bonusAccountId,
      itemCode: bonus.itemCode,
      itemName: bonus.itemName,
      reason: bonus.reason,
      awardedAt: shanghaiDayStart(day),
      awardedById: null,
    });
  }
  return { repostTargets };
}
