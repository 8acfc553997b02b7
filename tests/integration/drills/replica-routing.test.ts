// Dashboard reads go to DATABASE_REPLICA_URL, actions to DATABASE_URL: against a real physical streaming replica
// (pg_basebackup -R of a private cluster, both started here; scripts/drill/local-cluster.ts). With the replica's
// replay paused, a write through an action is on the primary at once while the account page still shows the
// replica's older state; once replay resumes the page catches up.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { getDb, getReadDb } from '@/lib/db/client';
import { getAccountDetail } from '@/lib/services/get-account-detail';
import { getAccountScores } from '@/lib/services/get-account-scores';
import { listSharedReadAgencyOptions } from '@/lib/services/list-read-agency-options';
import { recordAccountLifecycle } from '@/lib/services/record-account-lifecycle';
import {
  createMigratedDatabase,
  startLocalCluster,
  startStreamingReplica,
  type LocalCluster,
} from '@/scripts/drill/local-cluster';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let primary: LocalCluster;
let replica: LocalCluster;
let replicaSql: pg.Client;
const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };

beforeAll(async () => {
  primary = await startLocalCluster();
  const url = await createMigratedDatabase(primary, 'xunjian', { reference: false });
  replica = await startStreamingReplica(primary);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_REPLICA_URL = replica.url('xunjian');
  replicaSql = new pg.Client({ connectionString: replica.url('xunjian') });
  await replicaSql.connect();
}, 300_000);
afterAll(async () => {
  await replicaSql?.end();
  await getReadDb().$disconnect();
  await getDb().$disconnect();
  await replica?.destroy();
  await primary?.destroy();
  process.env.DATABASE_URL = saved.url;
  if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = saved.replica;
});

const NOW = new Date('2026-12-01T04:00:00Z');
const admin = (agencyId: string): Access => ({
  userId: 'ADMIN-1',
  name: 'a',
  email: 'a@x',
  locale: 'zh-CN',
  grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
});

async function replicaShows(accountId: string, displayName: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await replicaSql.query<{ display_name: string }>(
      'SELECT display_name FROM account WHERE id = $1',
      [accountId],
    );
    if (rows[0]?.display_name === displayName) return;
    if (Date.now() > deadline) throw new Error(`replica did not replay ${displayName} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('read replica routing', () => {
  it('the account page and the shared dashboard reads read the replica, an action writes the primary, and the page catches up after replay', async () => {
    expect((await replicaSql.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r).toBe(true);
    expect(getReadDb()).not.toBe(getDb());

    const db = getDb();
    const agency = await createTestAgency(db);
    const account = await createTestAccount(db, agency.id, { displayName: '江川发布' });
    await replicaShows(account.id, '江川发布');
    const read = () => getAccountDetail({ access: admin(agency.id), accountId: account.id, page: 1, now: NOW });
    expect((await read()).header.displayName).toBe('江川发布');

    await replicaSql.query('SELECT pg_wal_replay_pause()');
    try {
      // A dashboard action: a write on the replica would fail (read-only transaction), so this succeeding on the
      // defaults proves it went to the primary.
      await recordAccountLifecycle({
        access: admin(agency.id),
        now: NOW,
        input: {
          event: 'CHANGE',
          accountId: account.id,
          filingNumber: '江川网信备2026-031',
          effectiveAt: NOW.toISOString(),
          displayName: '江川市发布',
          handle: '',
          note: '机构更名',
        },
      });
      expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).displayName).toBe('江川市发布');
      // The replica has not replayed it: the account page and the scores API still read the old name from there.
      expect((await read()).header.displayName).toBe('江川发布');
      expect((await getAccountScores({ access: admin(agency.id), accountId: account.id })).displayName).toBe(
        '江川发布',
      );
      // The shared dashboard reads (overview, scorecard, findings queue, agency picker, alert badge) too: a unit
      // added on the primary is not in the picker read from the replica.
      const unit = await createTestAgency(db, { name: '江川新区', parentId: agency.id });
      const options = await listSharedReadAgencyOptions({ access: admin(agency.id) });
      expect(options.map((o) => o.id)).toEqual([agency.id]);
      expect(await db.agency.count({ where: { id: unit.id } })).toBe(1);
    } finally {
      await replicaSql.query('SELECT pg_wal_replay_resume()');
    }
    await replicaShows(account.id, '江川市发布');
    expect((await read()).header.displayName).toBe('江川市发布');
  });

  it('without DATABASE_REPLICA_URL page reads use the primary client', () => {
    const url = process.env.DATABASE_REPLICA_URL;
    delete process.env.DATABASE_REPLICA_URL;
    try {
      expect(getReadDb()).toBe(getDb());
    } finally {
      process.env.DATABASE_REPLICA_URL = url;
    }
  });
});
