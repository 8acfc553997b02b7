import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import type { Access } from '@/lib/access';
import { listDueCrawlTargets } from '@/lib/data/crawl-targets';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { recordAccountLifecycle } from '@/lib/services/record-account-lifecycle';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
});
afterAll(async () => t.drop());

const DAY = 86_400_000;
const NOW = new Date('2026-11-25T04:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const admin = (agencyId: string, role: 'ADMIN' | 'SUPERVISOR' = 'ADMIN'): Access => ({
  userId: `${role}-1`,
  name: 'a',
  email: 'a@x',
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});

/** Two profile snapshots a week apart, the second under a new name, as a crawl would store them. */
async function renamedOnPlatform(accountId: string, from: string, to: string) {
  for (const [days, name] of [
    [20, from],
    [13, to],
  ] as const) {
    await ingestSnapshot(
      t.db,
      {
        accountId,
        platform: 'WEIBO',
        fetchedAt: ago(days),
        outcome: { ok: true, partial: false },
        profile: { displayName: name },
        posts: [
          {
            platformPostId: `p${days}`,
            text: '今日工作动态',
            publishedAt: ago(days),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: ago(days + 7), to: ago(days) },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: ago(days) },
    );
  }
}

async function hijackFindings(agencyId: string) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: '更名检查',
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  return t.db.finding.findMany({
    where: { inspectionId: id, ruleId: 'V1.4.UNFILED_PROFILE_CHANGE' },
    select: { accountId: true },
  });
}

describe('account lifecycle', () => {
  it('a filed rename updates the account, writes the event and audit row, and is no longer a V1.4 hijack suspicion', async () => {
    const agency = await createTestAgency(t.db);
    const filed = await createTestAccount(t.db, agency.id, { displayName: '江川发布' });
    const unfiled = await createTestAccount(t.db, agency.id, { displayName: '江川教育' });
    await renamedOnPlatform(filed.id, '江川发布', '江川市发布');
    await renamedOnPlatform(unfiled.id, '江川教育', '好物分享');
    expect((await hijackFindings(agency.id)).map((f) => f.accountId).sort()).toEqual([filed.id, unfiled.id].sort());

    await recordAccountLifecycle({
      access: admin(agency.id),
      now: NOW,
      db: t.db,
      input: {
        event: 'CHANGE',
        accountId: filed.id,
        filingNumber: '江川网信备2026-031',
        effectiveAt: ago(13).toISOString(),
        displayName: '江川市发布',
        handle: '',
        note: '机构更名',
      },
    });
    const account = await t.db.account.findUniqueOrThrow({ where: { id: filed.id } });
    expect(account).toMatchObject({
      displayName: '江川市发布',
      lifecycle: 'CHANGED',
      changedAt: ago(13),
      filingStatus: 'FILED',
      filingNumber: '江川网信备2026-031',
    });
    const event = await t.db.accountLifecycleEvent.findFirstOrThrow({ where: { accountId: filed.id } });
    expect(event).toMatchObject({
      lifecycle: 'CHANGED',
      filingNumber: '江川网信备2026-031',
      changes: { displayName: { from: '江川发布', to: '江川市发布' } },
      actorId: 'ADMIN-1',
    });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'account.change', entityId: filed.id } });
    expect(audit.before).toMatchObject({ displayName: '江川发布' });
    expect((await hijackFindings(agency.id)).map((f) => f.accountId)).toEqual([unfiled.id]);
  });

  it('a change event recorded without a filing number (e.g. imported history) does not count as filed', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id, { displayName: '江川文旅' });
    await renamedOnPlatform(account.id, '江川文旅', '潮鞋小铺');
    await t.db.accountLifecycleEvent.create({
      data: {
        accountId: account.id,
        lifecycle: 'CHANGED',
        effectiveAt: ago(13),
        filingNumber: null,
        changes: { displayName: { from: '江川文旅', to: '潮鞋小铺' } },
      },
    });
    expect((await hijackFindings(agency.id)).map((f) => f.accountId)).toEqual([account.id]);
  });

  it('close stops crawling and scoring from the close date; reopen needs a filing number and brings it back', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const access = admin(agency.id);
    await expect(
      recordAccountLifecycle({
        access,
        now: NOW,
        db: t.db,
        input: { event: 'CLOSE', accountId: account.id, filingNumber: '', effectiveAt: ago(5), note: '整合关停' },
      }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    await expect(
      recordAccountLifecycle({
        access,
        now: NOW,
        db: t.db,
        input: {
          event: 'CLOSE',
          accountId: account.id,
          filingNumber: 'X-1',
          effectiveAt: new Date(NOW.getTime() + DAY),
          note: '整合关停',
        },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await recordAccountLifecycle({
      access,
      now: NOW,
      db: t.db,
      input: {
        event: 'CLOSE',
        accountId: account.id,
        filingNumber: '注销备2026-7',
        effectiveAt: ago(5),
        note: '整合关停',
      },
    });
    expect(await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      lifecycle: 'CLOSED',
      closedAt: ago(5),
    });
    await expect(
      recordAccountLifecycle({
        access,
        now: NOW,
        db: t.db,
        input: { event: 'CLOSE', accountId: account.id, filingNumber: 'X', effectiveAt: ago(1), note: '再次关停' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      recordAccountLifecycle({
        access,
        now: NOW,
        db: t.db,
        input: { event: 'CHANGE', accountId: account.id, filingNumber: 'X', effectiveAt: ago(1), displayName: '新名' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    expect((await listDueCrawlTargets(t.db, { at: NOW, limit: 1000 })).map((x) => x.accountId)).not.toContain(
      account.id,
    );
    const skipped = await runCrawlAccount({ now: NOW, db: t.db, accountId: account.id, crawlers: () => null, ctx: {} });
    expect(skipped).toEqual({ accountId: account.id, status: 'SKIPPED', reason: 'ACCOUNT_CLOSED' });
    const inspect = async (at: Date) => {
      const { id } = await createInspection({
        access: null,
        input: {
          name: '关停检查',
          monitoringAt: at,
          scopeAgencyId: agency.id,
          scope: 'TREE',
          editionCode: 'national-2019',
        },
        db: t.db,
      });
      await runInspection({ db: t.db, inspectionId: id, now: NOW });
      return t.db.score.count({ where: { inspectionId: id, accountId: account.id } });
    };
    expect(await inspect(ago(6))).toBe(1);
    expect(await inspect(NOW)).toBe(0);

    await expect(
      recordAccountLifecycle({
        access,
        now: NOW,
        db: t.db,
        input: { event: 'REOPEN', accountId: account.id, filingNumber: '恢复备-1', effectiveAt: ago(6) },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await recordAccountLifecycle({
      access,
      now: NOW,
      db: t.db,
      input: { event: 'REOPEN', accountId: account.id, filingNumber: '恢复备-1', effectiveAt: ago(1) },
    });
    expect(await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      lifecycle: 'OPEN',
      closedAt: null,
    });
    expect((await listDueCrawlTargets(t.db, { at: NOW, limit: 1000 })).map((x) => x.accountId)).toContain(account.id);
    const events = await t.db.accountLifecycleEvent.findMany({
      where: { accountId: account.id },
      orderBy: { effectiveAt: 'asc' },
    });
    expect(events.map((e) => [e.lifecycle, e.filingNumber])).toEqual([
      ['CLOSED', '注销备2026-7'],
      ['OPEN', '恢复备-1'],
    ]);
    const audits = await t.db.auditLog.findMany({ where: { entityId: account.id }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['account.close', 'account.reopen']);
  });

  it('refuses supervisors, accounts outside the scope, empty changes and a taken handle', async () => {
    const root = await createTestAgency(t.db);
    const county = await createTestAgency(t.db, { parentId: root.id });
    const other = await createTestAgency(t.db, { parentId: root.id });
    const account = await createTestAccount(t.db, county.id);
    const taken = await createTestAccount(t.db, county.id);
    const change = {
      event: 'CHANGE',
      accountId: account.id,
      filingNumber: 'F-1',
      effectiveAt: ago(1),
      displayName: '新名称',
    };
    await expect(
      recordAccountLifecycle({ access: admin(root.id, 'SUPERVISOR'), now: NOW, db: t.db, input: change }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordAccountLifecycle({ access: admin(other.id), now: NOW, db: t.db, input: change }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordAccountLifecycle({
        access: admin(county.id),
        now: NOW,
        db: t.db,
        input: { ...change, displayName: account.displayName },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      recordAccountLifecycle({
        access: admin(county.id),
        now: NOW,
        db: t.db,
        input: { ...change, handle: taken.handle },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.db.accountLifecycleEvent.count({ where: { accountId: account.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { entityId: account.id } })).toBe(0);
  });
});
