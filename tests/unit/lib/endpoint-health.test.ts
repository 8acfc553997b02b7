import { describe, expect, it } from 'vitest';
import type { StoredExchange } from '@/lib/data/raw-archive';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { healthIncrements } from '@/lib/services/record-endpoint-health';

const AT = new Date('2026-10-10T04:20:00Z');
const HASH = (n: number) => String(n).repeat(64).slice(0, 64);
const ex = (seq: number, endpoint: string, fields: Partial<StoredExchange> = {}): StoredExchange => ({
  seq,
  endpoint,
  rawHash: HASH(seq + 1),
  parseFailed: false,
  errorKind: null,
  httpStatus: 200,
  fetchedAt: AT,
  ...fields,
});
const snapshot = (fields: Partial<SnapshotInput>): SnapshotInput => ({
  accountId: 'acc',
  platform: 'WEIBO',
  fetchedAt: AT,
  outcome: { ok: true, partial: false },
  profile: null,
  posts: [],
  coverage: null,
  deletedPostIds: [],
  appReleases: [],
  storeListings: [],
  ...fields,
});

describe('healthIncrements', () => {
  it('counts each request once on its interface and hour, with 418 as blocked and the dropped items on their interface', () => {
    const rows = healthIncrements(
      snapshot({
        parseIssues: [
          { endpoint: 'weibo:getIndex/timeline', itemKey: '1', path: 'mblog', message: 'm', rawJson: '{}' },
        ],
      }),
      [
        ex(0, 'weibo:getIndex/profile'),
        ex(1, 'weibo:getIndex/timeline'),
        ex(2, 'weibo:comments/hotflow', { rawHash: null, errorKind: 'RATE_LIMITED', httpStatus: 418 }),
      ],
    );
    const by = Object.fromEntries(rows.map((r) => [r.endpoint, r]));
    expect(by['weibo:getIndex/profile']).toMatchObject({
      requests: 1,
      successes: 1,
      blocked: 0,
      droppedItems: 0,
      hour: new Date('2026-10-10T04:00:00Z'),
    });
    expect(by['weibo:getIndex/timeline']).toMatchObject({
      requests: 1,
      successes: 1,
      droppedItems: 1,
      sampleRawHash: HASH(2),
      sampleAccountId: 'acc',
    });
    expect(by['weibo:comments/hotflow']).toMatchObject({ requests: 1, successes: 0, blocked: 1 });
  });

  it('a captcha page (200, BLOCKED outcome) counts as blocked, a body the crawler could not read as a parse failure', () => {
    const blocked = healthIncrements(
      snapshot({ outcome: { ok: false, kind: 'BLOCKED', message: 'captcha', retryable: false } }),
      [ex(0, 'weibo:getIndex/profile')],
    );
    expect(blocked[0]).toMatchObject({ requests: 1, successes: 0, blocked: 1, parseFailures: 0 });
    const parse = healthIncrements(
      snapshot({ outcome: { ok: false, kind: 'PARSE', message: 'no data', retryable: false } }),
      [ex(0, 'weibo:getIndex/profile'), ex(1, 'weibo:getIndex/timeline')],
    );
    expect(parse.find((r) => r.endpoint === 'weibo:getIndex/timeline')).toMatchObject({
      requests: 1,
      successes: 0,
      parseFailures: 1,
      sampleRawHash: HASH(2),
    });
    expect(parse.find((r) => r.endpoint === 'weibo:getIndex/profile')).toMatchObject({
      successes: 1,
      parseFailures: 0,
    });
  });

  it('a JSON shape failure is counted once, not again from the outcome', () => {
    const rows = healthIncrements(
      snapshot({ outcome: { ok: false, kind: 'PARSE', message: 'shape', retryable: false } }),
      [ex(0, 'weibo:getIndex/profile', { parseFailed: true })],
    );
    expect(rows[0]).toMatchObject({ requests: 1, successes: 0, parseFailures: 1 });
  });
});
