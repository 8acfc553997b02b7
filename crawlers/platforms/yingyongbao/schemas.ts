import { z } from 'zod';

// sj.qq.com Next.js page data (docs/platform-formats.md §3.3): `props.pageProps.dynamicCardResponse` with components whose
// `itemData` may itself be a JSON string. All [I]: loose objects, every field optional beyond the ids we key on.

const jsonString = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const text = z.union([z.string(), z.number()]).transform(String);
const rating = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)])
  .transform(Number)
  .pipe(z.number().min(0).max(5));

export const componentSchema = z.looseObject({
  /** Public scrapers (2025–2026) select the detail card by `cardId == "yybn_game_basic_info"`. */
  cardId: z.string().nullish(),
  data: z
    .looseObject({ name: z.string().nullish(), itemData: z.preprocess(jsonString, z.array(z.unknown())).nullish() })
    .nullish(),
});

export const nextDataSchema = z.looseObject({
  props: z.looseObject({
    pageProps: z.looseObject({
      dynamicCardResponse: z
        .looseObject({
          ret: z.coerce.number(),
          msg: z.string().nullish(),
          data: z.looseObject({ components: z.array(componentSchema).default([]) }).nullish(),
        })
        .optional(),
    }),
  }),
});
export type YybNextData = z.output<typeof nextDataSchema>;

/** `update_time`: epoch seconds, often as a string (§3.3 corrections). */
const epochSeconds = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().positive())
  .transform((s) => new Date(s * 1000));

/** Detail item (`yybn_game_basic_info` / `GameDetail`, used for apps too). */
export const detailItemSchema = z.looseObject({
  name: z.string().min(1),
  pkg_name: z.string().min(1),
  app_id: text.nullish(),
  developer: z.string().nullish(),
  operator: z.string().nullish(),
  version_name: z.string().min(1),
  download_num: text.nullish(),
  description: z.string().nullish(),
  icon: z.string().nullish(),
  average_rating: rating.nullish().catch(null),
  tags_st: z.string().nullish(),
  update_time: epochSeconds.nullish().catch(null),
});
export type YybDetailItem = z.output<typeof detailItemSchema>;

/** `SearchList` item. */
export const searchItemSchema = z.looseObject({
  name: z.string().min(1),
  pkg_name: z.string().min(1),
  app_id: text.nullish(),
  developer: z.string().nullish(),
  version_name: z.string().nullish(),
  average_rating: rating.nullish().catch(null),
});
export type YybSearchItem = z.output<typeof searchItemSchema>;
