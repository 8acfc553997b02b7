import { z } from 'zod';

const points = z.number().min(0).max(100);
const days = z.number().int().min(1).max(3660);
const bonusItem = z.object({
  code: z.string().regex(/^B[0-9]{1,2}$/, 'Bonus item codes are B1 … B99'),
  name: z.string().trim().min(1).max(80),
  points,
});
const indicator = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ enabled: z.boolean().default(true), max: points, ...shape });

/** An indicator catalogue edition: thresholds, points, windows and pass mark as data (docs/indicators.md "cfg"). */
export const editionSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,58}$/),
  name: z.string().min(1),
  passMark: points,
  /** Items published in this many days before the monitoring date are checked by the text detectors. */
  contentWindowDays: days,
  /** Score recorded for a vetoed account in notices (e.g. 59): the vetoed total is capped at this value. */
  vetoScore: points,
  /** 加分 items a supervisor may award an account; counted once per item per window, capped, only at minScore or above. */
  bonus: z.object({
    cap: points,
    minScore: points,
    items: z
      .array(bonusItem)
      .max(20)
      .default([])
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, 'Bonus item codes must be unique'),
  }),
  veto: z.object({
    V1_1: z.object({ enabled: z.boolean() }),
    V1_2: z.object({ enabled: z.boolean() }),
    V1_3: z.object({ enabled: z.boolean() }),
    V1_4: z.object({
      enabled: z.boolean(),
      burstItems: z.number().int().min(2),
      burstHours: z.number().min(1),
      silenceDays: days,
    }),
    V2: z.object({ enabled: z.boolean(), windowDays: days }),
    V3: z.object({ enabled: z.boolean() }),
  }),
  D1: indicator({
    noItemDays: days,
    noItemPoints: points,
    countWindowDays: days,
    minItems: z.number().int().min(1),
    fewItemsPoints: points,
  }),
  D2: indicator({ typoPoints: points, correctionPoints: points }),
  D3: indicator({ entertainmentPoints: points, insultPoints: points, adPoints: points }),
  D4: indicator({ points }),
  D5: indicator({
    windowDays: days,
    minQuestions: z.number().int().min(1),
    minReplyRate: z.number().min(0).max(1),
    replyRatePoints: points,
    maxMedianLatencyWorkdays: z.number().min(0),
    latencyPoints: points,
    inappropriatePoints: points,
  }),
  D6: indicator({ points, minHoursApart: z.number().min(0) }),
  D7: indicator({
    staleMonths: z.number().int().min(1),
    stalePoints: points,
    minRating: z.number().min(0).max(5),
    minRatingCount: z.number().int(),
    ratingPoints: points,
    lookalikeSimilarity: z.number().min(0).max(1),
    lookalikePoints: points,
    // 下架/无法访问: "not listed" on two lookups at least this many hours apart (editions stored before: edition-versions.ts).
    delistedConfirmHours: z
      .number()
      .min(1)
      .max(24 * 90),
    delistedPoints: points,
  }),
  D8: indicator({
    unfiledPoints: points,
    namingPoints: points,
    unverifiedPoints: points,
    extraAccountPoints: points,
    duplicateContentPoints: points,
    duplicateShare: z.number().min(0).max(1),
  }),
  D9: indicator({
    forcedFollowPoints: points,
    fanJumpFactor: z.number().min(1),
    fanJumpDays: days,
    fanJumpPoints: points,
  }),
  D10: indicator({ points }),
  annual: z.object({
    A0: z.object({ maxV11Failures: z.number().int().min(0) }),
    A1: z.object({
      max: points,
      missingQuarterPoints: points,
      minCoverage: z.number().min(0).max(1),
      lowCoveragePoints: points,
    }),
    A2: z.object({ max: points, missingNoticePoints: points }),
    A3: z.object({ max: points, deadlineWorkdays: z.number().int().min(1), overduePoints: points, latePoints: points }),
    A4: z.object({ max: points, unregisteredPoints: points, zombiePoints: points }),
    A5: z.object({ max: points, below90Points: points, below80Points: points }),
  }),
});
export type Edition = z.infer<typeof editionSchema>;
export type DeductionCode = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10';
export const DEDUCTION_CODES: readonly DeductionCode[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10'];
export const VETO_CODES = ['V1.1', 'V1.2', 'V1.3', 'V1.4', 'V2', 'V3'] as const;
export type VetoCode = (typeof VETO_CODES)[number];

/** Deep-merges `changes` into a copy of `base` and validates the result (admins derive editions this way). */
export function cloneEdition(base: Edition, changes: Record<string, unknown>): Edition {
  const merge = (a: unknown, b: unknown): unknown => {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || Array.isArray(b))
      return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  };
  return editionSchema.parse(merge(base, changes));
}

export type BonusItem = z.infer<typeof bonusItem>;

/** Replaces the bonus item list of a copy of `edition` and validates it. */
export function withBonusItems(edition: Edition, items: unknown): Edition {
  return editionSchema.parse({ ...edition, bonus: { ...edition.bonus, items } });
}

export type EditionField = { path: string; value: number | boolean };

/** Every tunable leaf of an edition (numbers and switches) as dotted paths, in catalogue order; code and name excluded. */
export function editionFields(edition: Edition): EditionField[] {
  const out: EditionField[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number' || typeof value === 'boolean') out.push({ path, value });
    // Lists (bonus items) are edited as whole rows, not as dotted leaves.
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  const { code: _code, name: _name, ...rest } = edition;
  walk(rest, '');
  return out;
}

/** Sets dotted-path values on a copy of `edition` and validates it; unknown paths are refused, not ignored. */
export function withEditionFields(
  edition: Edition,
  values: Record<string, number | boolean>,
  identity: { code: string; name: string },
): Edition {
  const known = new Set(editionFields(edition).map((f) => f.path));
  const changes: Record<string, unknown> = { ...identity };
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path))
      throw new z.ZodError([{ code: 'custom', path: [path], message: 'Unknown edition field', input: value }]);
    const keys = path.split('.');
    let node = changes;
    keys.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    node[keys[keys.length - 1] as string] = value;
  }
  return cloneEdition(edition, changes);
}
