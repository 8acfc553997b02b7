import { z } from 'zod';

// Upstream shapes of m.weibo.cn (docs/platform-formats.md §1.2–§1.5). Loose objects: extra fields are normal.

const idSchema = z.union([z.string(), z.number()]).transform(String);
const countSchema = z.union([z.number(), z.string()]).nullish();

export const envelopeSchema = z.looseObject({
  ok: z.coerce.number(),
  msg: z.string().nullish(),
  url: z.string().nullish(),
  errno: z.union([z.string(), z.number()]).optional(),
  data: z.unknown().optional(),
});

// Real captures (tests/fixtures/real/weibo) carry null for absent strings (`page_info.page_title: null` on link cards)
// and numbers as display strings: every optional field is nullish, counts accept strings.
const optText = z.string().nullish();
const optBool = z.union([z.boolean(), z.number().transform((n) => n !== 0)]).nullish();
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

export const userSchema = z.looseObject({
  id: idSchema,
  screen_name: z.string(),
  profile_image_url: optText,
  avatar_hd: optText,
  description: optText,
  verified: optBool,
  verified_type: optInt,
  verified_reason: optText,
  followers_count: countSchema,
  follow_count: countSchema,
  statuses_count: countSchema,
});
export type WeiboUser = z.infer<typeof userSchema>;

export const profileDataSchema = z.looseObject({
  userInfo: userSchema,
  tabsInfo: z
    .looseObject({
      tabs: z.array(
        z.looseObject({
          tab_type: optText,
          containerid: z.union([z.string(), z.number()]).transform(String).nullish(),
        }),
      ),
    })
    .nullish(),
});

const retweetedSchema = z.looseObject({
  id: idSchema,
  mid: idSchema.nullish(),
  bid: optText,
  text: z
    .string()
    .nullish()
    .transform((t) => t ?? ''),
  deleted: z.union([z.string(), z.number()]).nullish(),
  user: z.looseObject({ id: idSchema, screen_name: optText }).nullish(),
});

export const mblogSchema = z.looseObject({
  id: idSchema,
  mid: idSchema.nullish(),
  bid: optText,
  created_at: z.string(),
  text: z
    .string()
    .nullish()
    .transform((t) => t ?? ''),
  isLongText: optBool,
  mblogtype: optInt,
  source: optText,
  reposts_count: countSchema,
  comments_count: countSchema,
  attitudes_count: countSchema,
  edit_at: optText,
  edit_config: z.looseObject({ edited: optBool }).nullish(),
  page_info: z.looseObject({ type: optText, page_title: optText }).nullish(),
  longText: z.looseObject({ longTextContent: z.string() }).nullish(),
  retweeted_status: retweetedSchema.nullish(),
  user: z.looseObject({ id: idSchema }).nullish(),
});
export type WeiboMblog = z.infer<typeof mblogSchema>;

/** One card; read card by card so a malformed one drops alone (crawlers/tolerant.ts). */
export const cardSchema = z.looseObject({
  card_type: z.coerce.number(),
  mblog: mblogSchema.nullish(),
  profile_type_id: optText,
  scheme: optText,
});
export type WeiboCard = z.infer<typeof cardSchema>;

/** The page envelope only: cards stay raw until each is parsed on its own. */
export const timelineDataSchema = z.looseObject({
  cardlistInfo: z
    .looseObject({
      since_id: z.union([z.number(), z.string()]).nullish(),
      /** Older API (2019 captures): the next page number, no since_id. */
      page: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
      total: z.union([z.number(), z.string()]).nullish(),
    })
    .nullish(),
  cards: z
    .array(z.unknown())
    .nullish()
    .transform((c) => c ?? []),
});

export const extendDataSchema = z.looseObject({ longTextContent: z.string() });

const commentBase = {
  id: idSchema,
  created_at: z.string(),
  text: z
    .string()
    .nullish()
    .transform((t) => t ?? ''),
  rootid: idSchema.nullish(),
  like_count: z.union([z.number(), z.string()]).nullish(),
  user: z.looseObject({ id: idSchema, screen_name: optText }).nullish(),
};
export const replySchema = z.looseObject(commentBase);
export type WeiboReply = z.infer<typeof replySchema>;
export const commentSchema = z.looseObject({
  ...commentBase,
  comments: z.union([z.array(z.unknown()), z.literal(false), z.null()]).optional(),
});
export type WeiboComment = z.infer<typeof commentSchema>;

/** Comments stay raw until each is parsed on its own. */
export const hotflowDataSchema = z.looseObject({
  data: z
    .array(z.unknown())
    .nullish()
    .transform((d) => d ?? []),
  max_id: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v) => Number(v ?? 0) || 0),
  max_id_type: z.union([z.number(), z.string()]).nullish(),
  total_number: z.union([z.number(), z.string()]).nullish(),
});
