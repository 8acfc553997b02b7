import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CrawlError } from '@/crawlers/errors';
import type { CommentListBody, OfficialAnswer } from '@/crawlers/platforms/wechat/official';
import {
  COMMENT_PAGE_SIZE,
  commentTargetOfAid,
  commentTargetOfUrl,
  readArticleComments,
  readOfficialComments,
  targetFromLinkOrPage,
  toOfficialComments,
  type CommentClient,
} from '@/crawlers/platforms/wechat/official-comments';
import { commentListSchema } from '@/crawlers/platforms/wechat/schemas';
import { ParseIssues } from '@/crawlers/tolerant';
import type { PostInput } from '@/lib/schemas/snapshot';

// The §2.3 example body of comment/list (docs/platform-formats.md), as the parser must read it.
const SPEC_PAGE = {
  errcode: 0,
  errmsg: 'ok',
  total: 2,
  comment: [
    {
      user_comment_id: 1,
      openid: 'oAbCd1234EfGh5678IjKl90MnOp',
      create_time: 1795440000,
      content: '请问供暖不热打哪个电话？',
      comment_type: 0,
      reply: { content: '您好，请拨打12345热线，24小时受理。', create_time: 1795450000 },
    },
    {
      user_comment_id: 2,
      openid: 'oQrSt1234UvWx5678YzAb90CdEf',
      create_time: 1795461234,
      content: '我们小区还没来暖气',
      comment_type: 0,
    },
  ],
};

type Page = z.output<typeof commentListSchema>;
const page = (items: unknown[], total: number | null): OfficialAnswer<Page> => ({
  ok: true,
  data: { total, comment: items },
});
const item = (id: number) => ({
  user_comment_id: id,
  openid: `o${id}`,
  create_time: 1795440000 + id,
  content: `留言${id}`,
  comment_type: 0,
});

/** A comment/list stand-in answering from a list of `total` items by begin/count, recording each request body. */
function fakeClient(total: number, options: { closed?: boolean; fail?: CrawlError; reportTotal?: boolean } = {}) {
  const bodies: CommentListBody[] = [];
  const all = Array.from({ length: total }, (_, i) => item(i + 1));
  const client: CommentClient = {
    commentPage: async (body) => {
      bodies.push(body);
      if (options.fail) throw options.fail;
      if (options.closed) return { ok: false, errcode: 88000, errmsg: 'without comment privilege' };
      return page(all.slice(body.begin, body.begin + body.count), options.reportTotal === false ? null : total);
    },
  };
  return { client, bodies };
}

const post = (id: string, url: string | null): PostInput => ({
  platformPostId: id,
  url,
  title: null,
  text: '',
  publishedAt: new Date(0),
  isPinned: false,
  isRepost: false,
  links: [],
  comments: [],
  commentsEnabled: true,
});

describe('comment/list targets', () => {
  it('takes msg_data_id and the 0-based index from a permanent link (mid, idx from 1)', () => {
    expect(commentTargetOfUrl('https://mp.weixin.qq.com/s?__biz=MzkwMDAwMDAwMQ==&mid=2247500011&idx=2&sn=abc')).toEqual(
      { msgDataId: 2247500011, index: 1 },
    );
    expect(commentTargetOfUrl('http://mp.weixin.qq.com/s?__biz=X&appmsgid=100000001&itemidx=1#rd')).toEqual({
      msgDataId: 100000001,
      index: 0,
    });
  });

  it('a short link or an unusable aid has no target', () => {
    expect(commentTargetOfUrl('https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv')).toBeNull();
    expect(commentTargetOfAid('2247500012_1')).toEqual({ msgDataId: 2247500012, index: 0 });
    for (const aid of [null, '', '2247500012', '2247500012_0', 'Jc3x01_1', '99999999999_1'])
      expect(commentTargetOfAid(aid)).toBeNull();
  });

  it("a short link's target comes from its article page; an unreadable page gives none", async () => {
    const short = post('a_1', 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv');
    expect(await targetFromLinkOrPage(short, async () => ({ aid: '2247500012_1' }))).toEqual({
      msgDataId: 2247500012,
      index: 0,
    });
    expect(await targetFromLinkOrPage(short, async () => null)).toBeNull();
    expect(
      await targetFromLinkOrPage(short, async () => {
        throw new CrawlError('RATE_LIMITED', 'slow down');
      }),
    ).toBeNull();
  });
});

describe('comment/list parsing', () => {
  it('reads the documented example: public 留言 and the account reply as an own reply to it', () => {
    const issues = new ParseIssues();
    const parsed = commentListSchema.parse(SPEC_PAGE);
    const { comments, skipped } = toOfficialComments(parsed.comment, issues);
    expect(skipped).toBe(0);
    expect(comments).toEqual([
      {
        platformCommentId: '1',
        authorPlatformId: 'oAbCd1234EfGh5678IjKl90MnOp',
        authorName: null,
        isOwnReply: false,
        replyToPlatformCommentId: null,
        text: '请问供暖不热打哪个电话？',
        publishedAt: new Date(1795440000_000),
        likesCount: null,
      },
      {
        platformCommentId: '1-reply',
        authorPlatformId: null,
        authorName: null,
        isOwnReply: true,
        replyToPlatformCommentId: '1',
        text: '您好，请拨打12345热线，24小时受理。',
        publishedAt: new Date(1795450000_000),
        likesCount: null,
      },
      {
        platformCommentId: '2',
        authorPlatformId: 'oQrSt1234UvWx5678YzAb90CdEf',
        authorName: null,
        isOwnReply: false,
        replyToPlatformCommentId: null,
        text: '我们小区还没来暖气',
        publishedAt: new Date(1795461234_000),
        likesCount: null,
      },
    ]);
  });

  it('accepts string numbers and a missing total; an item without a dated reply is skipped and recorded, not read as unanswered', () => {
    const undocumented = commentListSchema.parse({ errcode: 0, comment_cnt: 0, comment: [] });
    expect([undocumented.total ?? null, undocumented.comment]).toEqual([null, []]);
    expect(commentListSchema.parse({ errcode: 0, total: '3' }).total).toBe(3);
    const issues = new ParseIssues();
    const { comments, skipped } = toOfficialComments(
      [
        { user_comment_id: '7', create_time: '1795440000', content: '请问？' },
        { user_comment_id: 8, create_time: 1795440001, content: '几点开始？', reply: { content: '9点' } },
      ],
      issues,
    );
    expect(comments.map((c) => c.platformCommentId)).toEqual(['7']);
    expect(skipped).toBe(1);
    expect(issues.list).toMatchObject([{ endpoint: 'wechat:comment/list', itemKey: '8', path: 'reply.create_time' }]);
  });
});

describe('comment/list paging and answers', () => {
  it(`pages by begin/count (${COMMENT_PAGE_SIZE}, below the rejected 50) until total`, async () => {
    const { client, bodies } = fakeClient(100);
    const result = await readArticleComments(client, { msgDataId: 2247500011, index: 1 }, 20, new ParseIssues());
    expect(result.state).toBe('read');
    expect(result.state === 'read' && result.comments).toHaveLength(100);
    expect(bodies).toEqual(
      [0, 49, 98].map((begin) => ({ msg_data_id: 2247500011, index: 1, begin, count: 49, type: 0 })),
    );
  });

  it('without total, a short page ends the list; a full last page asks once more', async () => {
    const short = fakeClient(10, { reportTotal: false });
    expect((await readArticleComments(short.client, { msgDataId: 1, index: 0 }, 20, new ParseIssues())).state).toBe(
      'read',
    );
    expect(short.bodies).toHaveLength(1);
    const exact = fakeClient(49, { reportTotal: false });
    expect((await readArticleComments(exact.client, { msgDataId: 1, index: 0 }, 20, new ParseIssues())).state).toBe(
      'read',
    );
    expect(exact.bodies.map((b) => b.begin)).toEqual([0, 49]);
  });

  it('a page budget that runs out is incomplete', async () => {
    const { client } = fakeClient(100);
    expect((await readArticleComments(client, { msgDataId: 1, index: 0 }, 2, new ParseIssues())).state).toBe(
      'incomplete',
    );
  });

  it('88000 is an answer: 留言 closed on that article', async () => {
    const { client } = fakeClient(0, { closed: true });
    expect(await readArticleComments(client, { msgDataId: 1, index: 0 }, 20, new ParseIssues())).toEqual({
      state: 'closed',
    });
  });
});

describe('reading the window', () => {
  const linked = (id: string) => post(id, `https://mp.weixin.qq.com/s?__biz=X&mid=${id}&idx=1`);
  const byLink = async (p: PostInput) => commentTargetOfUrl(p.url);

  it('declares read when every post answered; 88000 sets commentsEnabled false', async () => {
    const posts = [linked('2247500001'), linked('2247500002')];
    const open = fakeClient(3);
    expect(await readOfficialComments(open.client, posts, byLink, 20, new ParseIssues())).toEqual({ read: true });
    expect(posts[0]?.comments).toHaveLength(3);
    const closed = fakeClient(0, { closed: true });
    const shut = [linked('2247500003')];
    expect(await readOfficialComments(closed.client, shut, byLink, 20, new ParseIssues())).toEqual({ read: true });
    expect(shut[0]).toMatchObject({ commentsEnabled: false, comments: [] });
  });

  it('a post without a target, a failed answer or commentPages 0 is not read', async () => {
    expect(
      await readOfficialComments(
        fakeClient(1).client,
        [post('s', 'https://mp.weixin.qq.com/s/short')],
        byLink,
        20,
        new ParseIssues(),
      ),
    ).toEqual({ read: false });
    expect(
      await readOfficialComments(
        fakeClient(1, { fail: new CrawlError('HTTP', 'errcode 88001') }).client,
        [linked('1')],
        byLink,
        20,
        new ParseIssues(),
      ),
    ).toEqual({ read: false });
    const unused = fakeClient(1);
    expect(await readOfficialComments(unused.client, [linked('1')], byLink, 0, new ParseIssues())).toEqual({
      read: false,
    });
    expect(unused.bodies).toHaveLength(0);
  });

  it('a quota error stops asking the remaining posts', async () => {
    const { client, bodies } = fakeClient(1, { fail: new CrawlError('RATE_LIMITED', 'errcode 45009') });
    expect(
      await readOfficialComments(client, [linked('1'), linked('2'), linked('3')], byLink, 20, new ParseIssues()),
    ).toEqual({ read: false });
    expect(bodies).toHaveLength(1);
  });

  it('an error that is not a crawl error propagates', async () => {
    const client: CommentClient = {
      commentPage: async () => {
        throw new TypeError('bug');
      },
    };
    await expect(readOfficialComments(client, [linked('1')], byLink, 20, new ParseIssues())).rejects.toThrow('bug');
  });
});
