import { describe, expect, it } from 'vitest';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { toSnapshotInputs } from '@/lib/demo/snapshots';
import { PLATFORM_CODES } from '@/lib/schemas/enums';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';

const now = new Date('2026-11-25T04:00:00Z');
const province = buildDemoProvince({ now });

describe('demo province', () => {
  it('is deterministic for the same seed and clock', () => {
    const again = buildDemoProvince({ now });
    expect(again.accounts).toEqual(province.accounts);
    expect([...again.histories.entries()]).toEqual([...province.histories.entries()]);
  });

  it('has the size the brief asks for', () => {
    const levels = new Set(province.agencies.map((a) => a.level));
    expect(province.agencies.length).toBeGreaterThanOrEqual(40);
    expect(levels.size).toBeGreaterThanOrEqual(3);
    expect(province.accounts.length).toBeGreaterThanOrEqual(120);
    const platforms = new Set(province.accounts.map((a) => a.platformCode));
    for (const p of ['WEIBO', 'WECHAT', 'APP_IOS', 'APP_ANDROID', 'DOUYIN', 'TOUTIAO', 'RSS']) expect(platforms.has(p as (typeof PLATFORM_CODES)[number])).toBe(true);
    const handles = province.accounts.map((a) => `${a.platformCode}:${a.handle}`);
    expect(new Set(handles).size).toBe(handles.length);
  });

  it('spans 60 days of posts', () => {
    const times = [...province.histories.values()].flatMap((h) => h.posts.map((p) => p.publishedAt.getTime()));
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(55);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
  });

  it('plants every golden case on its account', () => {
    const text = (key: string) => (province.histories.get(key)?.posts ?? []).flatMap((p) => [p.text, p.repostOfText ?? '', ...p.comments.map((c) => c.text)]).join('\n');
    expect(text(DEMO_GOLDEN_ACCOUNTS.G1)).toContain('打call');
    expect(text(DEMO_GOLDEN_ACCOUNTS.G2)).toContain('你最好永远别来');
    expect(text(DEMO_GOLDEN_ACCOUNTS.G3)).toContain('你不说话没人把你当哑巴');
    expect(text(DEMO_GOLDEN_ACCOUNTS.G4)).toContain('以此为准');
    expect(text(DEMO_GOLDEN_ACCOUNTS.G5)).toContain('example-prohibited.invalid');
    expect(province.histories.get(DEMO_GOLDEN_ACCOUNTS.G6)?.posts.filter((p) => p.text.includes('卖鞋')).length).toBe(30);
    const g7Last = Math.max(...(province.histories.get(DEMO_GOLDEN_ACCOUNTS.G7)?.posts.map((p) => p.publishedAt.getTime()) ?? [0]));
    expect((now.getTime() - g7Last) / 86_400_000).toBeGreaterThanOrEqual(15);
    expect(province.histories.get(DEMO_GOLDEN_ACCOUNTS.G8)?.failedCrawls).toHaveLength(10);
    expect(text(DEMO_GOLDEN_ACCOUNTS.G9)).toContain('110101199003077571');
    expect(province.histories.get(DEMO_GOLDEN_ACCOUNTS.G10)?.appReleases[0]).toMatchObject({ rating: 2.1, ratingCount: 300 });
    expect(text(DEMO_GOLDEN_ACCOUNTS.G11)).toContain('截图反馈');
    expect(province.accounts.filter((a) => a.key.startsWith(DEMO_GOLDEN_ACCOUNTS.G12))).toHaveLength(3);
  });

  it('produces snapshot inputs that pass the ingest schema, failures without coverage', () => {
    for (const account of province.accounts) {
      const history = province.histories.get(account.key);
      if (!history) throw new Error(`no history for ${account.key}`);
      for (const input of toSnapshotInputs('00000000-0000-7000-8000-000000000000', account, history, now)) {
        expect(snapshotInputSchema.safeParse(input).success).toBe(true);
        if (!input.outcome.ok) expect(input.coverage).toBeNull();
      }
    }
  });
});
