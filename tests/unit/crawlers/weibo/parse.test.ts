import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseIssues } from '@/crawlers/tolerant';
import { classifyEnvelope, mblogCards, toComments, toPost, toProfile } from '@/crawlers/platforms/weibo/parse';
import { parseRenderData } from '@/crawlers/platforms/weibo/render-data';
import {
  envelopeSchema,
  hotflowDataSchema,
  profileDataSchema,
  timelineDataSchema,
} from '@/crawlers/platforms/weibo/schemas';
import { parseCount, parseWeiboTime } from '@/crawlers/platforms/weibo/values';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/weibo/${name}`, import.meta.url), 'utf8');
const data = (name: string) => envelopeSchema.parse(JSON.parse(fixture(name))).data;
const NOW = new Date('2026-11-25T00:00:00Z');

describe('weibo values', () => {
  it.each([
    [12873, 12873],
    ['35.2万', 352_000],
    ['100万+', 1_000_000],
    ['1.5亿', 150_000_000],
    ['1,234', 1234],
    ['很多', null],
    [null, null],
  ] as const)('parseCount(%s) = %s', (raw, expected) => expect(parseCount(raw)).toBe(expected));

  it('parses absolute and relative created_at in Beijing time', () => {
    expect(parseWeiboTime('Tue Nov 24 10:12:00 +0800 2026', NOW)?.toISOString()).toBe('2026-11-24T02:12:00.000Z');
    expect(parseWeiboTime('刚刚', NOW)).toEqual(NOW);
    expect(parseWeiboTime('5分钟前', NOW)?.toISOString()).toBe('2026-11-24T23:55:00.000Z');
    expect(parseWeiboTime('3小时前', NOW)?.toISOString()).toBe('2026-11-24T21:00:00.000Z');
    expect(parseWeiboTime('昨天 09:30', NOW)?.toISOString()).toBe('2026-11-24T01:30:00.000Z');
    expect(parseWeiboTime('11-20', NOW)?.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(parseWeiboTime('2025-03-18', NOW)?.toISOString()).toBe('2025-03-17T16:00:00.000Z');
    expect(parseWeiboTime('next tuesday', NOW)).toBeNull();
  });
});

describe('weibo parsers on fixtures', () => {
  it('maps the profile', () => {
    const profile = profileDataSchema.parse(data('profile.json'));
    expect(toProfile(profile.userInfo)).toMatchObject({
      displayName: '江川发布',
      followersCount: 352_000,
      postsCount: 12873,
      verifiedType: 1,
      avatarHash: '008aBcDely1h0aaaaaaaaaj305k05kjrd',
    });
    expect(profile.tabsInfo?.tabs.find((t) => t.tab_type === 'weibo')?.containerid).toBe('1076037400000001');
  });

  it('unwraps card_type 11 groups, skips other cards, reads pinned, bid from scheme, edits and deleted originals', () => {
    const cards = mblogCards(timelineDataSchema.parse(data('timeline-230413.json')).cards, new ParseIssues());
    expect(cards).toHaveLength(2);
    const [pinned, post] = cards.map((c) => toPost(c, '7400000001', NOW));
    expect(pinned.isPinned).toBe(true);
    expect(post).toMatchObject({
      isPinned: false,
      url: 'https://weibo.com/7400000001/Q8aBcDeFg',
      likesCount: 1_000_000,
      isRepost: true,
      repostOfUrl: null,
      isLongTextTruncated: true,
      links: [],
    });
    expect(post.repostOfText).toContain('已被作者删除');
    expect(post.text).toBe('【江川市冬季供暖今起全面启动】11月24日起……#江川供暖#');
    expect(post.editedAt?.toISOString()).toBe('2026-11-24T03:03:27.000Z');
  });

  it('flattens hotflow comments and marks the account’s replies', () => {
    const comments = toComments(
      hotflowDataSchema.parse(data('hotflow.json')).data,
      '7400000001',
      NOW,
      new ParseIssues(),
    );
    expect(comments.map((c) => [c.platformCommentId, c.isOwnReply, c.replyToPlatformCommentId])).toEqual([
      ['5300012399990001', false, null],
      ['5300012399990321', true, '5300012399990001'],
      ['5300012399990002', false, null],
    ]);
    expect(comments[2].text).toBe('点赞[赞]');
  });

  it('reads $render_data and recognises the deleted-post page', () => {
    expect(parseRenderData(fixture('detail.html')).text).toContain('供暖咨询电话');
    expect(() => parseRenderData('<title>微博-出错了</title><p>微博不存在或暂无查看权限!</p>')).toThrow(
      expect.objectContaining({ kind: 'DELETED' }),
    );
  });

  it('classifies error envelopes', () => {
    expect(classifyEnvelope({ ok: -100, url: 'https://passport.weibo.com/sso/signin' }, 'account').kind).toBe(
      'LOGIN_WALL',
    );
    expect(classifyEnvelope({ ok: 0, msg: '这里还没有内容' }, 'account').kind).toBe('NOT_FOUND');
    expect(classifyEnvelope({ ok: 0, url: 'https://passport.weibo.com/verify' }, 'account').kind).toBe('BLOCKED');
    expect(classifyEnvelope({ ok: 0, msg: '微博不存在或暂无查看权限!' }, 'post').kind).toBe('DELETED');
  });
});
