// Every service that takes a day, at the hours around Beijing midnight (16:00 UTC): the last minute of a Beijing
// day, its first minute, half past midnight, and its small hours. Clocks are injected; nothing reads the process clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { localizeError } from '@/lib/action-result';
import { awardBonus } from '@/lib/services/award-bonus';
import { completeRectification } from '@/lib/services/complete-rectification';
import { createInspection } from '@/lib/services/create-inspection';
import { createRepostTask } from '@/lib/services/create-repost-task';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { listRectifications } from '@/lib/services/list-rectifications';
import { recordAccountLifecycle } from '@/lib/services/record-account-lifecycle';
import { addBeijingDays, beijingDayEnd, beijingDayStart, beijingToday } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let agencyId: string;
let admin: Access;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  admin = {
    userId: 'admin-1',
    name: 'a',
    email: 'a@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
  };
});
afterAll(async () => t.drop());

const HOURS = [
  ['2026-12-03T15:59:00Z', '2026-12-03', '2026年12月3日'],
  ['2026-12-03T16:00:00Z', '2026-12-04', '2026年12月4日'],
  ['2026-12-03T16:30:00Z', '2026-12-04', '2026年12月4日'],
  ['2026-12-03T23:59:00Z', '2026-12-04', '2026年12月4日'],
] as const;

describe.each(HOURS)('at %s (Beijing day %s)', (nowIso, today, todayZh) => {
  const now = new Date(nowIso);
  const tomorrow = addBeijingDays(today, 1);

  it('the lifecycle form default (the Beijing today) is accepted and takes effect at 00:00 Beijing; tomorrow is refused in words', async () => {
    expect(beijingToday(now)).toBe(today);
    const account = await createTestAccount(t.db, agencyId);
    const change = {
      event: 'CHANGE',
      accountId: account.id,
      filingNumber: '川网信变-1',
      displayName: `新名-${nowIso}`,
    };
    const refused = await recordAccountLifecycle({
      access: admin,
      now,
      db: t.db,
      input: { ...change, effectiveAt: tomorrow },
    }).catch((e: unknown) => e);
    expect(localizeError(refused, 'zh-CN')).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: `生效日期不能晚于今天（北京时间 ${todayZh}）`,
      fieldErrors: { effectiveAt: [`生效日期不能晚于今天（北京时间 ${todayZh}）`] },
    });
    const { eventId } = await recordAccountLifecycle({
      access: admin,
      now,
      db: t.db,
      input: { ...change, effectiveAt: today },
    });
    const event = await t.db.accountLifecycleEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.effectiveAt.toISOString()).toBe(beijingDayStart(today).toISOString());
    const closed = await recordAccountLifecycle({
      access: admin,
      now,
      db: t.db,
      input: { event: 'CLOSE', accountId: account.id, filingNumber: '注-1', effectiveAt: today, note: '整合关停' },
    });
    expect(closed.eventId).toBeTruthy();
  });

  it('a bonus awarded today (typed or left empty) is dated the Beijing today; tomorrow is refused', async () => {
    const account = await createTestAccount(t.db, agencyId);
    const input = { accountId: account.id, itemCode: 'B1', reason: '政策解读突出' };
    await expect(
      awardBonus({ access: admin, now, db: t.db, input: { ...input, awardedOn: tomorrow } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', key: 'awardedOnFuture', field: 'awardedOn' });
    const typed = await awardBonus({ access: admin, now, db: t.db, input: { ...input, awardedOn: today } });
    const empty = await awardBonus({ access: admin, now, db: t.db, input: { ...input, awardedOn: '' } });
    const stored = await t.db.bonusAward.findMany({ where: { id: { in: [typed.id, empty.id] } } });
    expect(stored.map((a) => a.awardedAt.toISOString())).toEqual([
      beijingDayStart(today).toISOString(),
      beijingDayStart(today).toISOString(),
    ]);
  });

  it('an inspection monitored at a day is taken at the end of that Beijing day; a datetime-local value is Beijing time', async () => {
    const stored = async (inspection: { id: string }) =>
      t.db.inspection.findUniqueOrThrow({ where: { id: inspection.id } });
    const byDay = await stored(
      await createInspection({
        access: null,
        db: t.db,
        input: {
          name: '日检查',
          monitoringAt: today,
          scopeAgencyId: agencyId,
          scope: 'TREE',
          editionCode: 'national-2019',
        },
      }),
    );
    expect(byDay.monitoringAt.toISOString()).toBe(beijingDayEnd(today).toISOString());
    const byTime = await stored(
      await createInspection({
        access: null,
        db: t.db,
        input: {
          name: '时点检查',
          monitoringAt: `${today}T00:30`,
          scopeAgencyId: agencyId,
          scope: 'TREE',
          editionCode: 'national-2019',
        },
      }),
    );
    expect(byTime.monitoringAt.toISOString()).toBe(
      new Date(beijingDayStart(today).getTime() + 30 * 60_000).toISOString(),
    );
  });

  it('a repost task due on a day runs to the end of that Beijing day', async () => {
    const supervisor: Access = { ...admin, grants: [{ role: 'SUPERVISOR', agencyId, agencyName: '' }] };
    await createTestAccount(t.db, agencyId);
    const { id } = await createRepostTask({
      access: supervisor,
      db: t.db,
      input: {
        title: `转载-${nowIso}`,
        matchTerms: ['森林防火'],
        publishedAt: today,
        deadline: tomorrow,
        agencyId,
        platformCodes: ['WEIBO'],
      },
    });
    const task = await t.db.repostTask.findUniqueOrThrow({ where: { id } });
    expect([task.publishedAt.toISOString(), task.deadline.toISOString()]).toEqual([
      beijingDayStart(today).toISOString(),
      beijingDayEnd(tomorrow).toISOString(),
    ]);
  });

  it('a rectification completed now is late exactly when the Beijing today is past its deadline', async () => {
    const { id: inspectionId } = await createInspection({
      access: null,
      db: t.db,
      input: { name: '整改', monitoringAt: now, scopeAgencyId: agencyId, scope: 'TREE', editionCode: 'national-2019' },
    });
    const inspection = await t.db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    const account = await createTestAccount(t.db, agencyId);
    const yesterday = addBeijingDays(today, -1);
    const ids: string[] = [];
    for (const [i, deadline] of [yesterday, today].entries()) {
      const finding = await t.db.finding.create({
        data: {
          inspectionId: inspection.id,
          editionId: inspection.editionId,
          accountId: account.id,
          indicatorCode: 'D3',
          ruleId: 'D3.INSULT',
          status: 'CONFIRMED',
          points: 1,
          fingerprint: `${nowIso}-${i}`,
          sourceType: 'POST',
        },
      });
      ids.push(
        (
          await t.db.rectification.create({
            data: { findingId: finding.id, agencyId, deadline: new Date(`${deadline}T00:00:00Z`) },
          })
        ).id,
      );
    }
    for (const id of ids)
      await completeRectification({ access: admin, now, db: t.db, input: { id, note: '已整改完毕' } });
    const page = await listRectifications({ access: admin, now, db: t.db, filter: { state: 'DONE', page: 1 } });
    const late = Object.fromEntries(page.items.filter((r) => ids.includes(r.id)).map((r) => [r.deadline, r.isLate]));
    expect(late).toEqual({ [yesterday]: true, [today]: false });
  });
});
