import type { PrismaClient } from '@/lib/db/types';
import { createAccounts, createLifecycleEvents, mapAccountIdsByHandle } from '@/lib/data/accounts';
import { countAgencies, createAgency, findAgencyByCode } from '@/lib/data/agencies';
import type { DemoAccount } from '@/lib/demo/accounts';
import { daysAgo } from '@/lib/demo/history';
import { buildDemoProvince, type DemoProvince } from '@/lib/demo/province';
import { pastInspectionDates } from '@/lib/demo/past-quarters';
import { toSnapshotInputs } from '@/lib/demo/snapshots';
import { AppError } from '@/lib/errors';
import { shanghaiWallClock } from '@/lib/time';
import { createInspection } from './create-inspection';
import { ensureScoringConfig } from './ensure-scoring-config';
import { ingestSnapshot } from './ingest-snapshot';
import { raiseAlerts } from './raise-alerts';
import { runInspection } from './run-inspection';
import { seedDemoSupervision } from './seed-demo-supervision';
import { seedDemoUsers } from './seed-demo-users';

export type SeedMode = 'empty-only' | 'if-empty' | 'append';
export type SeedSummary = {
  skipped: boolean;
  agencies: number;
  accounts: number;
  crawls: number;
  ingestMs: number;
  posts: number;
  comments: number;
  users: number;
  inspection: Record<string, number> | null;
  /** Finished inspections of past quarters (the overview's trend), and the time they took to score. */
  pastInspections: number;
  pastMs: number;
  alerts: number;
  ms: number;
};

/** Accounts ingested side by side; each account's crawls stay in order. */
const INGEST_CONCURRENCY = 2;

/**
 * Writes the demo province through the real ingest path. By default it refuses a database that
 * already has agencies, so demo data never mixes with real registrations by accident: `if-empty`
 * skips instead, `append` adds the province next to existing agencies (not twice).
 */
export async function seedDemoProvince({
  db,
  now,
  ifEmpty = false,
  mode = ifEmpty ? 'if-empty' : 'empty-only',
  seed,
}: {
  db: PrismaClient;
  now: Date;
  ifEmpty?: boolean;
  mode?: SeedMode;
  seed?: number;
}): Promise<SeedSummary> {
  const started = Date.now();
  const province = buildDemoProvince({ now, seed });
  const root = province.agencies[0];
  if ((await countAgencies(db)) > 0) {
    if (mode === 'if-empty')
      return {
        skipped: true,
        agencies: 0,
        accounts: 0,
        crawls: 0,
        ingestMs: 0,
        posts: 0,
        comments: 0,
        users: 0,
        inspection: null,
        pastInspections: 0,
        pastMs: 0,
        alerts: 0,
        ms: Date.now() - started,
      };
    if (mode === 'empty-only') throw new AppError('CONFLICT', 'demoAlreadySeeded');
    if (root && (await findAgencyByCode(db, root.code)))
      throw new AppError('CONFLICT', 'demoProvincePresent', { params: { code: root.code, name: root.name } });
  }
  const agencyIds = await insertAgencies(db, province);
  const accountIds = await insertAccounts(db, province, agencyIds);
  const totals = { crawls: 0, posts: 0, comments: 0 };
  const queue = [...province.accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const id = accountIds.get(account.key);
      const history = province.histories.get(account.key);
      if (!id || !history) throw new Error(`demo account ${account.key} was not stored`);
      for (const input of toSnapshotInputs(account, history, id)) {
        const result = await ingestSnapshot(db, input, { now: input.fetchedAt });
        totals.crawls += 1;
        totals.posts += result.postsCreated;
        totals.comments += result.commentsCreated;
      }
    }
  };
  const ingestStarted = Date.now();
  await Promise.all(Array.from({ length: INGEST_CONCURRENCY }, worker));
  const ingestMs = Date.now() - ingestStarted;

  const rootAgencyId = agencyIds.get(root?.key ?? '') ?? '';
  const users = await seedDemoUsers({ rootAgencyId, db });
  await ensureScoringConfig(db);
  await seedDemoSupervision(db, province, agencyIds, accountIds);
  const inspection = await createInspection({
    access: null,
    input: {
      name: '演示：本期全面检查',
      monitoringAt: now,
      scopeAgencyId: rootAgencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db,
  });
  const run = await runInspection({ db, inspectionId: inspection.id, now });
  // The past quarters' inspections, created after this one (the first inspection stays the province's `now`).
  const pastStarted = Date.now();
  const pastInspections = await runPastInspections(db, rootAgencyId, now);
  const pastMs = Date.now() - pastStarted;
  // Once, as the worker's hourly job would, so a fresh demo already has alerts to look at.
  const alerts = await raiseAlerts({ db, now });
  return {
    skipped: false,
    agencies: province.agencies.length,
    accounts: province.accounts.length,
    ...totals,
    ingestMs,
    users,
    inspection: run.results,
    pastInspections,
    pastMs,
    alerts: alerts.created,
    ms: Date.now() - started,
  };
}

/** One finished inspection per past quarter of the demo (lib/demo/past-quarters.ts), scored at its monitoring date. */
async function runPastInspections(db: PrismaClient, rootAgencyId: string, now: Date): Promise<number> {
  const dates = pastInspectionDates(now);
  for (const monitoringAt of dates) {
    const wall = shanghaiWallClock(monitoringAt);
    const name = `演示：${wall.getUTCFullYear()}年第${Math.floor(wall.getUTCMonth() / 3) + 1}季度检查`;
    const inspection = await createInspection({
      access: null,
      input: { name, monitoringAt, scopeAgencyId: rootAgencyId, scope: 'TREE', editionCode: 'national-2019' },
      db,
    });
    await runInspection({ db, inspectionId: inspection.id, now });
  }
  return dates.length;
}

async function insertAgencies(db: PrismaClient, province: DemoProvince): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of province.agencies) {
    const parentId = a.parentKey ? (ids.get(a.parentKey) ?? null) : null;
    const row = await createAgency(db, {
      parentId,
      name: a.name,
      shortName: a.shortName,
      level: a.level,
      code: a.code,
      regionCode: a.regionCode,
      isSupervisingUnit: a.isSupervisingUnit,
      namingRule: a.namingRule,
    });
    ids.set(a.key, row.id);
  }
  return ids;
}

/** Accounts plus their filed lifecycle events; returns account key → id. */
async function insertAccounts(
  db: PrismaClient,
  province: DemoProvince,
  agencyIds: Map<string, string>,
): Promise<Map<string, string>> {
  const { now } = province;
  const at = (days: number | null | undefined) => (days === null || days === undefined ? null : daysAgo(now, days));
  await createAccounts(
    db,
    province.accounts.map((a) => {
      const agencyId = agencyIds.get(a.agencyKey);
      if (!agencyId) throw new Error(`demo account ${a.key} has no agency`);
      return {
        agencyId,
        platformCode: a.platformCode,
        handle: a.handle,
        displayName: a.displayName,
        url: a.url,
        filingNumber: a.filingNumber,
        filingStatus: a.filingStatus,
        lifecycle: a.lifecycle,
        openedAt: at(a.openedDaysAgo),
        changedAt: at(a.rename?.daysAgo),
        closedAt: at(a.closedDaysAgo),
        crawlConfig: a.crawlConfig,
      };
    }),
  );
  const byHandle = await mapAccountIdsByHandle(db, province.accounts);
  const ids = new Map(province.accounts.map((a) => [a.key, byHandle.get(`${a.platformCode}:${a.handle}`) ?? '']));
  await createLifecycleEvents(
    db,
    province.accounts.flatMap((a) => lifecycleEvents(a, ids.get(a.key) ?? '', now)),
  );
  return ids;
}

function lifecycleEvents(a: DemoAccount, accountId: string, now: Date) {
  const events = [];
  if (a.rename) {
    events.push({
      accountId,
      lifecycle: 'CHANGED' as const,
      effectiveAt: daysAgo(now, a.rename.daysAgo),
      filingNumber: a.filingNumber,
      changes: { displayName: { from: a.rename.from, to: a.displayName } },
      note: '账号更名，已报主管单位备案',
    });
  }
  if (a.closedDaysAgo !== null) {
    events.push({
      accountId,
      lifecycle: 'CLOSED' as const,
      effectiveAt: daysAgo(now, a.closedDaysAgo),
      filingNumber: a.filingNumber,
      changes: {},
      note: '整合关停，已注销',
    });
  }
  return events;
}
