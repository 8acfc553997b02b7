import { z } from 'zod';
import { CrawlError } from '../../errors';

// Upstream shapes of WeChat official accounts (platform-formats §2.2–§2.3). Loose objects: extra fields are normal.

const unixSeconds = z.coerce.number().int().nonnegative();

// ---- MP backend (route B/C) -----------------------------------------------------------------

export const mpEnvelopeSchema = z.looseObject({
  base_resp: z.looseObject({ ret: z.coerce.number().int(), err_msg: z.string().optional() }),
});

export const appmsgexSchema = z.looseObject({
  aid: z.string().min(1),
  appmsgid: z.coerce.number().int().optional(),
  itemidx: z.coerce.number().int().optional(),
  title: z.string(),
  digest: z.string().default(''),
  link: z.string().min(1),
  cover: z.string().optional(),
  author_name: z.string().optional(),
  create_time: unixSeconds,
  update_time: unixSeconds.optional(),
  item_show_type: z.coerce.number().int().optional(),
  is_deleted: z.boolean().optional(),
  copyright_type: z.coerce.number().int().optional(),
});
export type Appmsgex = z.infer<typeof appmsgexSchema>;

export const publishInfoSchema = z.looseObject({
  msgid: z.coerce.number().int().optional(),
  sent_info: z.looseObject({ time: unixSeconds, is_send_all: z.boolean().optional(), is_published: z.coerce.number().optional() }).optional(),
  appmsgex: z.array(appmsgexSchema).default([]),
});

export const publishPageSchema = z.looseObject({
  total_count: z.coerce.number().int().optional(),
  publish_list: z.array(z.looseObject({ publish_type: z.coerce.number().int().optional(), publish_info: z.string() })).default([]),
});

export const appmsgpublishSchema = mpEnvelopeSchema.extend({ publish_page: z.string().optional() });

export const appmsgListSchema = mpEnvelopeSchema.extend({
  app_msg_cnt: z.coerce.number().int().optional(),
  app_msg_list: z.array(appmsgexSchema).optional(),
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

export const searchbizSchema = mpEnvelopeSchema.extend({ list: z.array(bizSchema).optional(), total: z.coerce.number().int().optional() });

// ---- Official API (route A) ------------------------------------------------------------------

export const officialErrorSchema = z.looseObject({ errcode: z.coerce.number().int(), errmsg: z.string().optional() });

export const tokenSchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });

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
    .array(z.looseObject({ article_id: z.string().min(1), content: z.looseObject({ news_item: z.array(newsItemSchema) }), update_time: unixSeconds }))
    .default([]),
});
export type BatchgetItem = z.infer<typeof batchgetSchema>['item'][number];

/** `publish_page` and `publish_info` are JSON strings inside JSON (§2.2 double encoding). */
export function parseEmbeddedJson<S extends z.ZodType>(raw: string, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CrawlError('PARSE', `WeChat ${what} is not valid JSON: ${raw.slice(0, 80)}`, { retryable: false });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CrawlError('PARSE', `Unexpected WeChat ${what} shape: ${z.prettifyError(parsed.error).slice(0, 300)}`, { retryable: false });
  return parsed.data;
}
