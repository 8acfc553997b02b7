import { z } from 'zod';

// Upstream shapes of m.weibo.cn (platform-formats §1.2–§1.5). Loose objects: extra fields are normal.

const idSchema = z.union([z.string(), z.number()]).transform(String);
const countSchema = z.union([z.number(), z.string()]).nullish();

export const envelopeSchema = z.looseObject({
  ok: z.coerce.number(),
  msg: z.string().optional(),
  url: z.string().optional(),
  errno: z.union([z.string(), z.number()]).optional(),
  data: z.unknown().optional(),
});

export const userSchema = z.looseObject({
  id: idSchema,
  screen_name: z.string(),
  profile_image_url: z.string().optional(),
  avatar_hd: z.string().optional(),
  description: z.string().nullish(),
  verified: z.boolean().optional(),
  verified_type: z.number().int().optional(),
  verified_reason: z.string().optional(),
  followers_count: countSchema,
  follow_count: countSchema,
  statuses_count: countSchema,
});
export type WeiboUser = z.infer<typeof userSchema>;

export const profileDataSchema = z.looseObject({
  userInfo: userSchema,
  tabsInfo: z.looseObject({ tabs: z.array(z.looseObject({ tab_type: z.string().optional(), containerid: z.string().optional() })) }).optional(),
});

const retweetedSchema = z.looseObject({
  id: idSchema,
  mid: idSchema.optional(),
  bid: z.string().optional(),
  text: z.string().default(''),
  deleted: z.union([z.string(), z.number()]).optional(),
  user: z.looseObject({ id: idSchema, screen_name: z.string() }).nullish(),
});

export const mblogSchema = z.looseObject({
  id: idSchema,
  mid: idSchema.optional(),
  bid: z.string().optional(),
  created_at: z.string(),
  text: z.string(),
  isLongText: z.boolean().optional(),
  mblogtype: z.number().int().optional(),
  source: z.string().optional(),
  reposts_count: countSchema,
  comments_count: countSchema,
  attitudes_count: countSchema,
  edit_at: z.string().optional(),
  edit_config: z.looseObject({ edited: z.boolean().optional() }).optional(),
  page_info: z.looseObject({ type: z.string().optional(), page_title: z.string().optional() }).nullish(),
  longText: z.looseObject({ longTextContent: z.string() }).optional(),
  retweeted_status: retweetedSchema.nullish(),
  user: z.looseObject({ id: idSchema }).nullish(),
});
export type WeiboMblog = z.infer<typeof mblogSchema>;

const innerCardSchema = z.looseObject({ card_type: z.number(), mblog: mblogSchema.optional(), profile_type_id: z.string().optional(), scheme: z.string().optional() });

export const timelineDataSchema = z.looseObject({
  cardlistInfo: z.looseObject({ since_id: z.union([z.number(), z.string()]).nullish(), total: z.number().optional() }).optional(),
  cards: z.array(innerCardSchema.extend({ card_group: z.array(innerCardSchema).optional() })).default([]),
});
export type WeiboCard = z.infer<typeof innerCardSchema>;

export const extendDataSchema = z.looseObject({ longTextContent: z.string() });

const commentBase = {
  id: idSchema,
  created_at: z.string(),
  text: z.string(),
  rootid: idSchema.optional(),
  like_count: z.number().optional(),
  user: z.looseObject({ id: idSchema, screen_name: z.string().optional() }).nullish(),
};
export const replySchema = z.looseObject(commentBase);
export type WeiboReply = z.infer<typeof replySchema>;
export const commentSchema = z.looseObject({ ...commentBase, comments: z.union([z.array(replySchema), z.literal(false), z.null()]).optional() });
export type WeiboComment = z.infer<typeof commentSchema>;

export const hotflowDataSchema = z.looseObject({
  data: z.array(commentSchema).default([]),
  max_id: z.union([z.number(), z.string()]).transform(Number).default(0),
  max_id_type: z.number().optional(),
  total_number: z.number().optional(),
});
