import type { PrismaClient } from '@/lib/db/types';
import { createAccounts, mapAccountIdsByHandle } from '@/lib/data/accounts';
import { countAgencies, createAgency } from '@/lib/data/agencies';
import { buildDemoProvince } from '@/lib/demo/province';
import { toSnapshotInputs } from '@/lib/demo/snapshots';
import { daysAgo } from '@/lib/demo/history';
import { createInspection } from './create-inspection';
import { ensureScoringConfig } from './ensure-scoring-config';
import { ingestSnapshot } from './ingest-snapshot';
import { runInspection } from './run-inspection';
import { seedDemoUsers } from './seed-demo-users';

export type SeedSummary = { skipped: boolean; agencies: number; accounts: number; posts: number; comments: number; users: number; inspection: Record<string, number> | null; ms: number };

/**
 * Writes the demo province through the real ingest path. Refuses a non-empty database unless
 * `ifEmpty` (then it does nothing), so demo data never mixes with real registrations by accident.
 */
export async function seedDemoProvince({ db, now, ifEmpty }: { db: PrismaClient; now: Date; ifEmpty: boolean }): Promise<SeedSummary> {
  const started = Date.now();
  if ((await countAgencies(db)) > 0) {
    if (ifEmpty) return { skipped: true, agencies: 0, accounts: 0, posts: 0, comments: 0, users: 0, inspection: null, ms: Date.now() - started };
    throw new Error('The database already has agencies; seed only an empty database (or pass --if-empty to skip)');
  }
  const province = buildDemoProvince({ now });
  const agencyIds = new Map<string, string>();
  for (const a of province.agencies) {
    const parentId = a.parentKey ? (agencyIds.get(a.parentKey) ?? null) : null;
    const row = await createAgency(db, { parentId, name: a.name, level: a.level, code: a.code, isSupervisingUnit: a.isSupervisingUnit });
    agencyIds.set(a.key, row.id);
  }
  await createAccounts(
    db,
    province.accounts.map((a) => ({
      agencyId: agencyIds.get(a.agencyKey) ?? '',
      platformCode: a.platformCode,
      handle: a.handle,
      displayName: a.displayName,
      filingNumber: a.filingNumber,
      filingStatus: a.filingStatus,
      crawlConfig: a.crawlConfig,
      openedAt: daysAgo(now, 400),
    })),
  );
  const accountIds = await mapAccountIdsByHandle(db, province.accounts);
  let posts = 0;
  let comments = 0;
  for (const account of province.accounts) {
    const id = accountIds.get(`${account.platformCode}:${account.handle}`);
    const history = province.histories.get(account.key);
    if (!id || !history) continue;
    for (const input of toSnapshotInputs(id, account, history, now)) {
      const result = await ingestSnapshot(db, input, { now: input.fetchedAt });
      posts += result.postsCreated;
      comments += result.commentsCreated;
    }
  }
  const rootAgencyId = agencyIds.get('prov') ?? '';
  const users = await seedDemoUsers({ rootAgencyId, db });
  await ensureScoringConfig(db);
  const inspection = await createInspection({
    access: null,
    input: { name: '演示：本期全面检查', monitoringAt: now, scopeAgencyId: rootAgencyId, scope: 'TREE', editionCode: 'national-2019' },
    db,
  });
  const run = await runInspection({ db, inspectionId: inspection.id, now });
  return { skipped: false, agencies: province.agencies.length, accounts: province.accounts.length, posts, comments, users, inspection: run.results, ms: Date.now() - started };
}
