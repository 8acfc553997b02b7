import { z } from 'zod';
import { CrawlError } from '../../errors';

// Upstream shapes of WeChat official accounts (docs/platform-formats.md §2.2–§2.3). Loose objects: extra fields are normal.

const unixSeconds = z.coerce.number().int().nonnegative();

// ---- MP backend (route B/C) -----------------------------------------------------------------

export const mpEnvelopeSchema = z.looseObject({
  base_resp: z.looseObject({ ret: z.coerce.number().int(), err_msg: z.string().nullish() }),
});

const optText = z.string().nullish();
const optInt = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ])
  .pipe(z.number().int())
  .nullish();

/**
 * One listed article. Real 2017–2018 `appmsg list_ex` bodies carry `update_time` and no `create_time`
 * (tests/fixtures/real/wechat), so both are optional and the list's publish time is whichever is present.
 */
export const appmsgexSchema = z
  .looseObject({
    aid: z.union([z.string().min(1), z.number()]).transform(String),
    appmsgid: optInt,
    itemidx: optInt,
    title: z
      .string()
      .nullish()
      .transform((t) => t ?? ''),
    digest: z
      .string()
      .nullish()
      .transform((d) => d ?? ''),
    link: z.string().min(1),
    cover: optText,
    author_name: optText,
    create_time: unixSeconds.nullish(),
    update_time: unixSeconds.nullish(),
    item_show_type: optInt,
    is_deleted: z.union([z.boolean(), z.number().transform((n) => n !== 0)]).nullish(),
    copyright_type: optInt,
  })
  .refine((a) => (a.create_time ?? a.update_time ?? 0) > 0, {
    message: 'neither create_time nor update_time',
    path: ['create_time'],
  });
export type Appmsgex = z.infer<typeof appmsgexSchema>;

/** One publish event; its articles stay raw until each is parsed on its own (crawlers/tolerant.ts). */
export const publishInfoSchema = z.looseObject({
  msgid: optInt,
  sent_info: z
    .looseObject({ time: unixSeconds.nullish(), is_send_all: z.boolean().nullish(), is_published: optInt })
    .nullish(),
  appmsgex: z
    .array(z.unknown())
    .nullish()
    .transform((a) => a ?? []),
});

export const publishPageSchema = z.looseObject({
  total_count: z.coerce.number().int().optional(),
  publish_list: z
    .array(
      z.looseObject({
        publish_type: optInt,
        publish_info: z
          .string()
          .nullish()
          .transform((i) => i ?? ''),
      }),
    )
    .default([]),
});

export const appmsgpublishSchema = mpEnvelopeSchema.extend({ publish_page: z.string().optional() });

export const appmsgListSchema = mpEnvelopeSchema.extend({
  app_msg_cnt: optInt,
  app_msg_list: z.array(z.unknown()).nullish(),
});

export const bizSchema = z.looseObject({
  fakeid: z.string().min(1),
  nickname: z.string(),
  alias: z.string().optional(),
  round_head_img: z.string().optional(),
  service_type: z.coerce.number().int().optional(),
  signature: z.string().optional(),
  verify_status: z.coerce.number().int().optional(),
});
export type Biz = z.infer<typeof bizSchema>;

export const searchbizSchema = mpEnvelopeSchema.extend({
  list: z.array(bizSchema).optional(),
  total: z.coerce.number().int().optional(),
});

// ---- Official API (route A) ------------------------------------------------------------------

export const officialErrorSchema = z.looseObject({ errcode: z.coerce.number().int(), errmsg: z.string().optional() });

export const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

export const newsItemSchema = z.looseObject({
  title: z.string(),
  author: z.string().optional(),
  digest: z.string().default(''),
  content: z.string().default(''),
  content_source_url: z.string().optional(),
  thumb_url: z.string().optional(),
  need_open_comment: z.coerce.number().int().optional(),
  only_fans_can_comment: z.coerce.number().int().optional(),
  url: z.string().min(1),
  is_deleted: z.boolean().optional(),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

export const batchgetSchema = z.looseObject({
  total_count: z.coerce.number().int().nonnegative(),
  item_count: z.coerce.number().int().nonnegative(),
  item: z
    .array(
      z.looseObject({
        article_id: z.string().min(1),
        content: z.looseObject({ news_item: z.array(newsItemSchema) }),
        update_time: unixSeconds,
      }),
    )
    .default([]),
});
export type BatchgetItem = z.infer<typeof batchgetSchema>['item'][number];

/** `comment/list` page (§2.3); its items stay raw until each is parsed on its own. `total` may be missing (some accounts get `comment_cnt`). */
export const commentListSchema = z.looseObject({
  total: z.coerce.number().int().nonnegative().nullish(),
  comment: z
    .array(z.unknown())
    .nullish()
    .transform((c) => c ?? []),
});

const commentTime = z.coerce.number().int().positive();

/**
 * One 留言. `reply` is the account's own answer (the API returns one, the latest); without its time an answer
 * could not be dated, so such an item is skipped and recorded rather than read as unanswered.
 */
export const officialCommentSchema = z.looseObject({
  user_comment_id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String),
  openid: z.string().nullish(),
  create_time: commentTime,
  content: z.string(),
  comment_type: optInt,
  reply: z.looseObject({ content: z.string(), create_time: commentTime }).nullish(),
});
export type OfficialComment = z.infer<typeof officialCommentSchema>;

/** `publish_page` and `publish_info` are JSON strings inside JSON (§2.2 double encoding). */
export function parseEmbeddedJson<S extends z.ZodType>(raw: string, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CrawlError('PARSE', `WeChat ${what} is not valid JSON: ${raw.slice(0, 80)}`, { retryable: false });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new CrawlError('PARSE', `Unexpected WeChat ${what} shape: ${z.prettifyError(parsed.error).slice(0, 300)}`, {
      retryable: false,
    });
  return parsed.data;
}
