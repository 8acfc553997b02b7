import { z } from 'zod';

// sj.qq.com Next.js page data (platform-formats §3.3): `props.pageProps.dynamicCardResponse` with components whose
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
const rating = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform(Number).pipe(z.number().min(0).max(5));

export const componentSchema = z.looseObject({
  data: z.looseObject({ name: z.string(), itemData: z.preprocess(jsonString, z.array(z.unknown())).optional() }).optional(),
});

export const nextDataSchema = z.looseObject({
  props: z.looseObject({
    pageProps: z.looseObject({
      dynamicCardResponse: z
        .looseObject({
          ret: z.coerce.number(),
          msg: z.string().optional(),
          data: z.looseObject({ components: z.array(componentSchema).default([]) }).nullish(),
        })
        .optional(),
    }),
  }),
});
export type YybNextData = z.output<typeof nextDataSchema>;

/** `GameDetail` item (used for apps too). */
export const detailItemSchema = z.looseObject({
  name: z.string().min(1),
  pkg_name: z.string().min(1),
  app_id: text.optional(),
  developer: z.string().optional(),
  operator: z.string().optional(),
  version_name: z.string().min(1),
  download_num: text.optional(),
  description: z.string().optional(),
  icon: z.string().optional(),
  average_rating: rating.optional(),
  tags_st: z.string().optional(),
});
export type YybDetailItem = z.output<typeof detailItemSchema>;

/** `SearchList` item. */
export const searchItemSchema = z.looseObject({
  name: z.string().min(1),
  pkg_name: z.string().min(1),
  app_id: text.optional(),
  developer: z.string().optional(),
  version_name: z.string().optional(),
  average_rating: rating.optional(),
});
export type YybSearchItem = z.output<typeof searchItemSchema>;
