import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe('crawled text PostgreSQL cannot store', () => {
  it('drops NUL and replaces lone surrogates instead of failing the whole ingest', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id);
    await ingestSnapshot(
      t.db,
      {
        accountId: account.id,
        platform: 'WEIBO',
        fetchedAt: NOW,
        outcome: { ok: true, partial: false },
        profile: { displayName: '江川\u0000发布', description: '简介\uD800' },
        posts: [
          {
            platformPostId: `${account.id}-1`,
            text: '通知\u0000全文',
            publishedAt: new Date(NOW.getTime() - 86_400_000),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: new Date(NOW.getTime() - 30 * 86_400_000), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: NOW },
    );
    const post = await t.db.post.findFirstOrThrow({ where: { accountId: account.id } });
    expect(post.text).toBe('通知全文');
  });
});
