import { z } from 'zod';

// AppGallery web API bodies (docs/platform-formats.md §3.2). Loose objects: the serde model lists many more fields.

const numeric = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform(Number);

/** `POST /edge/webedge/getInterfaceCode`: the body is a quoted JSON string. */
export const interfaceCodeSchema = z.string().min(1);

export const appInfoSchema = z.looseObject({
  appId: z.string().min(1),
  name: z.string().min(1),
  pkgName: z.string().min(1),
  devId: z.string().optional(),
  developerName: z.string().optional(),
  devEnName: z.string().optional(),
  supplier: z.string().optional(),
  icon: z.string().optional(),
  briefDes: z.string().optional(),
  description: z.string().optional(),
  version: z.string().min(1),
  versionCode: z.number().int().optional(),
  /** Epoch milliseconds of the current version. */
  releaseDate: z.number().int().positive().optional(),
  rateNum: numeric.optional(),
  hot: z.string().optional(),
  newFeatures: z.string().optional(),
  /** 1 = on the shelf [I]. */
  isShelves: z.number().int().optional(),
  detailId: z.string().optional(),
});
export type HuaweiAppInfo = z.output<typeof appInfoSchema>;

/** The JSON string inside the comment card (double-encoded, §3.2 step 3). */
export const starInfoSchema = z.looseObject({
  averageRating: numeric.optional(),
  fullAverageRating: numeric.optional(),
  totalStarRatingCount: z.number().int().nonnegative().optional(),
});
export type HuaweiStarInfo = z.output<typeof starInfoSchema>;

export const pageDetailSchema = z.looseObject({
  pages: z.array(
    z.looseObject({
      data: z.looseObject({
        cardlist: z.looseObject({
          layoutData: z.array(
            z.looseObject({
              type: z.string().optional(),
              data: z.array(z.looseObject({ starInfo: z.string().optional() })).optional(),
            }),
          ),
        }),
      }),
    }),
  ),
});

/** Legacy `uowap/index` search layout: `layoutData[].dataList[]{name, appid}` (§3.2, positions fragile). */
export const legacySearchSchema = z.looseObject({
  layoutData: z
    .array(
      z.looseObject({
        dataList: z.array(z.looseObject({ name: z.string().optional(), appid: z.string().optional() })).optional(),
      }),
    )
    .default([]),
});
