import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { runReparse } from '@/crawlers/jobs/reparse-runs';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import type { Crawler } from '@/crawlers/types';
import { listFindingEvidenceRuns, readRawResponse } from '@/lib/data/raw-archive';
import { reparseCommand } from '@/scripts/cli/reparse';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { raiseAlerts } from '@/lib/services/raise-alerts';
import { runInspection } from '@/lib/services/run-inspection';
import { getRawResponse } from '@/lib/services/get-raw-response';
import { getEndpointHealth } from '@/lib/services/get-endpoint-health';
import { listFindingRaw } from '@/lib/services/list-finding-raw';
import { pruneRawArchive, rawArchiveRetentionDays } from '@/lib/services/prune-raw-archive';
import { scheduleTable } from '@/crawlers/schedule';
import type { Access } from '@/lib/access';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// The raw archive end to end on real PostgreSQL: crawls of the local sandbox through the real Weibo crawler store
// their answers once per body; an "old parser" that dropped an item (simulated by a wrapper around the production
// crawler that removes one post and reports it as a parse issue, like a schema that did not fit) is then corrected
// by `reparse`, which replays the archived answers offline through the production crawler and re-scores.

const NOW = new Date('2026-10-10T04:00:00Z');
const DROPPED_MID = '5100000000000902';
let t: TestDatabase;
let sandbox: SandboxHandle;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  sandbox = await startSandbox({
    port: 0,
    scenario: {
      now: NOW.toISOString(),
      accounts: [
        {
          platform: 'WEIBO',
          handle: '7100000901',
          profile: { displayName: '江川应急' },
          posts: [
            { id: '5100000000000901', text: '防汛通知', publishedAt: '-20d' },
            { id: DROPPED_MID, text: '今日汛情通报', publishedAt: '-1d' },
          ],
        },
        { platform: 'WEIBO', handle: '7100000902', profile: { displayName: '江川公安' } },
      ],
      failures: [{ kind: 'status', status: 418, platform: 'WEIBO', handle: '7100000902' }],
    },
  });
});
afterAll(async () => {
  await sandbox.close();
  await t.drop();
});

const ctx = (now: Date) => ({
  ...createCrawlContext({
    now,
    env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' },
    http: { backoff: { maxRateLimitRetries: 0 } },
  }),
  origins: sandbox.origins,
});

/** The parser before the fix: it could not read the newest card and skipped it, as a tolerant parser does. */
const oldParser: Crawler = {
  platform: 'WEIBO',
  async crawl(target, context) {
    const snapshot = await weiboCrawler.crawl(target, context);
    if (!snapshot.posts.some((p) => p.platformPostId === DROPPED_MID)) return snapshot;
    return {
      ...snapshot,
      posts: snapshot.posts.filter((p) => p.platformPostId !== DROPPED_MID),
      parseIssues: [
        ...(snapshot.parseIssues ?? []),
        {
          endpoint: 'weibo:getIndex/timeline',
          itemKey: DROPPED_MID,
          path: 'mblog.created_at',
          message: 'old parser: unknown date form',
          rawJson: '{}',
        },
      ],
    };
  },
};

async function scoreAt(agencyId: string, accountId: string, monitoringAt: Date) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: `检查 ${monitoringAt.toISOString()}`,
      monitoringAt,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: monitoringAt });
  return id;
}
const scoreOf = (inspectionId: string, accountId: string) =>
  t.db.score.findUniqueOrThrow({ where: { inspectionId_accountId: { inspectionId, accountId } } });

describe('raw archive, reparse and interface health', () => {
  let agencyId = '';
  let accountId = '';
  let blockedId = '';
  let inspectionId = '';

  it('stores each answer once (sha256, compressed) and links the run to it in request order', async () => {
    agencyId = (await createTestAgency(t.db)).id;
    accountId = (await createTestAccount(t.db, agencyId, { handle: '7100000901' })).id;
    const first = await runCrawlAccount({
      now: NOW,
      db: t.db,
      accountId,
      crawlers: () => oldParser,
      ctx: ctx(NOW),
      clock: () => NOW,
    });
    expect(first).toMatchObject({ status: 'PARTIAL' });
    const exchanges = await t.db.crawlExchange.findMany({
      where: { crawlRunId: (first as { ingest: { crawlRunId: string } }).ingest.crawlRunId },
      orderBy: { seq: 'asc' },
    });
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    expect(exchanges.every((e) => e.rawHash !== null && e.requestKey.startsWith('GET http://'))).toBe(true);
    expect(exchanges.map((e) => e.endpoint)).toContain('weibo:getIndex/timeline');
    const stored = await t.db.rawResponse.count();
    const raw = await readRawResponse(t.db, exchanges[0]!.rawHash!);
    expect(raw?.body.length).toBeGreaterThan(10);
    const row = await t.db.rawResponse.findUniqueOrThrow({ where: { hash: exchanges[0]!.rawHash! } });
    expect(row.encoding).toBe('br');
    expect(row.body.length).toBeLessThan(row.sizeBytes);

    // The same answers an hour later (another slot): no new bodies, one more set of exchanges, last_seen_at moves.
    const later = new Date(NOW.getTime() + 3_600_000);
    await runCrawlAccount({
      now: later,
      db: t.db,
      accountId,
      crawlers: () => oldParser,
      ctx: ctx(later),
      clock: () => later,
    });
    expect(await t.db.rawResponse.count()).toBe(stored);
    expect(await t.db.crawlExchange.count()).toBe(exchanges.length * 2);
    expect(
      (await t.db.rawResponse.findUniqueOrThrow({ where: { hash: exchanges[0]!.rawHash! } })).lastSeenAt.toISOString(),
    ).toBe(later.toISOString());
  });

  it('counts requests, successes, a 418 and the dropped items per interface and hour', async () => {
    blockedId = (await createTestAccount(t.db, agencyId, { handle: '7100000902' })).id;
    expect(
      await runCrawlAccount({
        now: NOW,
        db: t.db,
        accountId: blockedId,
        crawlers: () => weiboCrawler,
        ctx: ctx(NOW),
        clock: () => NOW,
      }),
    ).toMatchObject({ status: 'FAILED', errorKind: 'RATE_LIMITED' });
    const rows = await t.db.endpointHealthHour.findMany({ where: { platform: 'WEIBO' } });
    const total = (endpoint: string, field: 'requests' | 'successes' | 'blocked' | 'droppedItems' | 'parseFailures') =>
      rows.filter((r) => r.endpoint === endpoint).reduce((n, r) => n + r[field], 0);
    expect(total('weibo:getIndex/timeline', 'droppedItems')).toBe(2);
    expect(total('weibo:getIndex/timeline', 'successes')).toBeGreaterThanOrEqual(2);
    const blocked = rows.reduce((n, r) => n + r.blocked, 0);
    expect(blocked).toBeGreaterThanOrEqual(1);
    expect(rows.reduce((n, r) => n + r.requests, 0)).toBe(
      rows.reduce((n, r) => n + r.successes + r.blocked + r.parseFailures, 0) +
        (await t.db.crawlExchange.count({ where: { errorKind: { notIn: ['RATE_LIMITED', 'BLOCKED'] } } })),
    );
    const sample = rows.find((r) => r.endpoint === 'weibo:getIndex/timeline' && r.droppedItems > 0);
    expect(sample?.sampleRawHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sample?.sampleAccountId).toBe(accountId);
  });

  it('the health page data: 14 days of hours, totals per interface, drifting above the threshold, administrators only', async () => {
    const as = (role: 'ADMIN' | 'SUPERVISOR'): Access => ({
      userId: 'u',
      name: 'n',
      email: 'e',
      locale: 'zh-CN',
      grants: [{ role, agencyId, agencyName: 'x' }],
    });
    const at = new Date(NOW.getTime() + 2 * 3_600_000);
    const health = await getEndpointHealth({ access: as('ADMIN'), now: at, threshold: 2, db: t.db });
    expect(health.series).toHaveLength(14 * 24);
    expect(health.series.reduce((n, p) => n + p.droppedItems, 0)).toBe(2);
    const timeline = health.endpoints.find((e) => e.key === 'WEIBO|weibo:getIndex/timeline');
    expect(timeline).toMatchObject({ droppedItems: 2, recentIssues: 2, isDrifting: true });
    expect(health.endpoints.find((e) => e.blocked > 0)).toBeDefined();
    expect(
      (await getEndpointHealth({ access: as('ADMIN'), now: at, threshold: 3, db: t.db })).endpoints.some(
        (e) => e.isDrifting,
      ),
    ).toBe(false);
    const one = await getEndpointHealth({
      access: as('ADMIN'),
      now: at,
      selected: 'WEIBO|weibo:getIndex/profile',
      db: t.db,
    });
    expect(one.selected).toBe('WEIBO|weibo:getIndex/profile');
    expect(one.series.reduce((n, p) => n + p.droppedItems, 0)).toBe(0);
    await expect(getEndpointHealth({ access: as('SUPERVISOR'), now: at, db: t.db })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('raises PARSER_DRIFT naming the interface and a sample raw hash only above the threshold', async () => {
    const at = new Date(NOW.getTime() + 2 * 3_600_000);
    expect((await raiseAlerts({ now: at, db: t.db, parserDriftThreshold: 3 })).parserDrift).toBe(0);
    expect((await raiseAlerts({ now: at, db: t.db, parserDriftThreshold: 2 })).parserDrift).toBe(1);
    const alert = await t.db.alert.findFirstOrThrow({ where: { kind: 'PARSER_DRIFT' } });
    expect(alert.accountId).toBe(accountId);
    expect(alert.details).toMatchObject({
      platform: 'WEIBO',
      endpoint: 'weibo:getIndex/timeline',
      droppedItems: 2,
      threshold: 2,
    });
    expect(
      await t.db.rawResponse.count({ where: { hash: (alert.details as { sampleRawHash: string }).sampleRawHash } }),
    ).toBe(1);
  });

  it('reparse after the parser fix re-derives the runs from the archive and re-scores the inspection they fed', async () => {
    inspectionId = await scoreAt(agencyId, accountId, new Date(NOW.getTime() + 4 * 3_600_000));
    const before = await scoreOf(inspectionId, accountId);
    expect(await t.db.post.count({ where: { accountId, platformPostId: DROPPED_MID } })).toBe(0);
    const requestsBefore = await t.db.endpointHealthHour.aggregate({ _sum: { requests: true } });

    // The sandbox is gone for this step: reparse must not touch the network.
    const port = sandbox.hostPort;
    await sandbox.close();
    const summary = await runReparse({
      db: t.db,
      since: new Date(NOW.getTime() - 3_600_000),
      platform: 'WEIBO',
      crawlers: () => weiboCrawler,
      now: () => new Date(NOW.getTime() + 5 * 3_600_000),
    });
    expect(summary).toMatchObject({ changed: 2, unchanged: 0, refused: 0, rescored: 1 });
    expect(await t.db.post.count({ where: { accountId, platformPostId: DROPPED_MID } })).toBe(1);
    expect(await t.db.crawlParseIssue.count()).toBe(0);
    expect((await t.db.crawlRun.findMany({ where: { accountId } })).map((r) => r.status)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
    expect(await t.db.crawlCoverage.count({ where: { accountId, status: 'PARTIAL' } })).toBe(0);
    const after = await scoreOf(inspectionId, accountId);
    expect(after.breakdown).not.toEqual(before.breakdown);
    // No request was made: the counters stay as they were.
    expect(await t.db.endpointHealthHour.aggregate({ _sum: { requests: true } })).toEqual(requestsBefore);

    // Nothing changed since: a second reparse, through the CLI command, rewrites nothing and re-scores nothing.
    const lines: string[] = [];
    const io = { db: t.db, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await reparseCommand.run(['--since', '2026-10-10', '--platform', 'weibo'], io)).toBe(0);
    expect(lines).toEqual(['Re-parsed 2 run(s): 0 changed, 2 unchanged, 0 refused; 0 score(s) recomputed.']);
    expect(await reparseCommand.run(['--since', 'yesterday'], io)).toBe(2);
    sandbox = await startSandbox({
      port: Number(port.split(':')[1]),
      scenario: { now: NOW.toISOString(), accounts: [], failures: [] },
    });
  });

  it('a run whose answer is missing from the archive is refused and nothing of it is written', async () => {
    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId }, orderBy: { fetchedAt: 'desc' } });
    const exchange = await t.db.crawlExchange.findFirstOrThrow({
      where: { crawlRunId: run.id, endpoint: 'weibo:getIndex/timeline' },
    });
    await t.db.crawlExchange.update({
      where: { crawlRunId_seq: { crawlRunId: run.id, seq: exchange.seq } },
      data: { rawHash: null },
    });
    const digest = run.snapshotDigest;
    const summary = await runReparse({
      db: t.db,
      since: run.fetchedAt!,
      crawlers: () => oldParser,
      now: () => new Date(NOW.getTime() + 7 * 3_600_000),
    });
    expect(summary.runs).toEqual([
      expect.objectContaining({ runId: run.id, status: 'REFUSED', reason: 'NOT_IN_ARCHIVE' }),
    ]);
    expect((await t.db.crawlRun.findUniqueOrThrow({ where: { id: run.id } })).snapshotDigest).toBe(digest);
    expect(await t.db.post.count({ where: { accountId, platformPostId: DROPPED_MID } })).toBe(1);
  });

  it('downloads an answer only for readers of an account that used it (others: not found)', async () => {
    const hash = (
      await t.db.crawlExchange.findFirstOrThrow({ where: { rawHash: { not: null }, crawlRun: { accountId } } })
    ).rawHash!;
    const auditor = (agency: string): Access => ({
      userId: 'u',
      name: 'n',
      email: 'e',
      locale: 'zh-CN',
      grants: [{ role: 'AUDITOR', agencyId: agency, agencyName: 'x' }],
    });
    expect((await getRawResponse({ access: auditor(agencyId), hash, db: t.db })).hash).toBe(hash);
    const other = await createTestAgency(t.db);
    await expect(getRawResponse({ access: auditor(other.id), hash, db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getRawResponse({ access: auditor(agencyId), hash: 'f'.repeat(64), db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("lists a finding's evidence answers: the runs that first and last stored its post, scoped like its account", async () => {
    const post = await t.db.post.findFirstOrThrow({ where: { accountId, platformPostId: DROPPED_MID } });
    const score = await scoreOf(inspectionId, accountId);
    const finding = await t.db.finding.create({
      data: {
        inspectionId,
        accountId,
        scoreId: score.id,
        editionId: score.editionId,
        indicatorCode: 'D3',
        ruleId: 'D3.TEST',
        status: 'SUSPECTED',
        points: 0,
        fingerprint: `raw-evidence-${post.id}`,
        sourceType: 'POST',
        postId: post.id,
      },
    });
    const auditor: Access = {
      userId: 'u',
      name: 'n',
      email: 'e',
      locale: 'zh-CN',
      grants: [{ role: 'AUDITOR', agencyId, agencyName: 'x' }],
    };
    const items = await listFindingRaw({ access: auditor, findingId: finding.id, db: t.db });
    const runs = await t.db.crawlRun.findMany({
      where: { accountId },
      orderBy: { fetchedAt: 'asc' },
      select: { id: true },
    });
    expect([...new Set(items.map((i) => i.crawlRunId))].sort()).toEqual(runs.map((r) => r.id).sort());
    expect(items.some((i) => i.crawlRunId === runs[0]!.id && i.endpoint === 'weibo:getIndex/timeline')).toBe(true);
    expect(await t.db.rawResponse.count({ where: { hash: { in: items.map((i) => i.rawHash) } } })).toBe(
      new Set(items.map((i) => i.rawHash)).size,
    );
    const outsider: Access = {
      ...auditor,
      grants: [{ role: 'AUDITOR', agencyId: (await createTestAgency(t.db)).id, agencyName: 'y' }],
    };
    await expect(listFindingRaw({ access: outsider, findingId: finding.id, db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('prunes answers not seen within the retention (a daily worker job) except findings’ evidence; the exchanges stay, without body', async () => {
    expect(scheduleTable({ NODE_ENV: 'test' }).map((e) => e.name)).toContain('prune-raw-archive');
    expect(rawArchiveRetentionDays({})).toBe(400);
    expect(rawArchiveRetentionDays({ RAW_ARCHIVE_RETENTION_DAYS: '30' })).toBe(30);
    const total = await t.db.rawResponse.count();
    // The answers of the runs behind a finding (what GET /api/findings/<id>/raw lists) are evidence and stay.
    const findings = await t.db.finding.findMany({ select: { id: true } });
    const evidenceRuns = (await Promise.all(findings.map((f) => listFindingEvidenceRuns(t.db, f.id)))).flatMap(
      (r) => r?.runIds ?? [],
    );
    const kept = new Set(
      (
        await t.db.crawlExchange.findMany({
          where: { crawlRunId: { in: evidenceRuns }, rawHash: { not: null } },
          select: { rawHash: true },
        })
      ).map((e) => e.rawHash),
    );
    expect(kept.size).toBeGreaterThan(0);
    expect(
      await pruneRawArchive({ db: t.db, now: new Date(NOW.getTime() + 399 * 86_400_000), retentionDays: 400 }),
    ).toMatchObject({ deleted: 0 });
    const later = new Date(NOW.getTime() + 401 * 86_400_000);
    expect(await pruneRawArchive({ db: t.db, now: later, retentionDays: 400 })).toMatchObject({
      deleted: total - kept.size,
    });
    expect((await t.db.rawResponse.findMany({ select: { hash: true } })).map((r) => r.hash).sort()).toEqual(
      [...kept].sort(),
    );
    // Without the findings nothing holds them.
    await t.db.finding.deleteMany({});
    expect(await pruneRawArchive({ db: t.db, now: later, retentionDays: 400 })).toMatchObject({ deleted: kept.size });
    expect(await t.db.crawlExchange.count({ where: { rawHash: { not: null } } })).toBe(0);
    expect(await t.db.crawlExchange.count()).toBeGreaterThan(0);
  });
});
