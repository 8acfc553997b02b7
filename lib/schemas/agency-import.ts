import { z } from 'zod';
import { AGENCY_LEVELS, agencyLevelSchema } from './enums';
import { importRow } from './text';

// One row of an agency tree file (CSV or XLSX) for `npm run xunjian -- agencies import`.

export const AGENCY_IMPORT_COLUMNS = [
  'code',
  'name',
  'parent_code',
  'level',
  'short_name',
  'region_code',
  'is_supervising_unit',
] as const;
export const REQUIRED_AGENCY_IMPORT_COLUMNS: readonly (typeof AGENCY_IMPORT_COLUMNS)[number][] = [
  'code',
  'name',
  'parent_code',
  'level',
];

/** Levels as operators write them: the enum (any case) or the usual Chinese word. */
const LEVEL_WORDS: Record<string, (typeof AGENCY_LEVELS)[number]> = {
  省: 'PROVINCE',
  省级: 'PROVINCE',
  市: 'CITY',
  市级: 'CITY',
  地市: 'CITY',
  县: 'COUNTY',
  县级: 'COUNTY',
  区县: 'COUNTY',
  乡镇: 'TOWNSHIP',
  乡: 'TOWNSHIP',
  镇: 'TOWNSHIP',
  街道: 'TOWNSHIP',
  部门: 'DEPARTMENT',
};

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const YES = new Set(['true', 'yes', 'y', '1', '是']);
const NO = new Set(['false', 'no', 'n', '0', '否']);

export const agencyImportRowSchema = importRow(
  z.object({
    code: z.string().trim().min(1, 'Required').max(40).regex(/^\S+$/, 'A code has no spaces'),
    name: z.string().trim().min(2, 'At least 2 characters').max(100),
    parent_code: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
    level: z
      .string({ error: 'Required' })
      .trim()
      .transform((v, ctx) => {
        const level = agencyLevelSchema.safeParse(LEVEL_WORDS[v] ?? v.toUpperCase());
        if (level.success) return level.data;
        ctx.addIssue({
          code: 'custom',
          message: `Expected one of ${AGENCY_LEVELS.join(', ')} (or 省/市/县/乡镇/部门)`,
        });
        return z.NEVER;
      }),
    short_name: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()),
    region_code: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{6}(\d{3})?$/, 'A division code has 6 or 9 digits')
        .optional(),
    ),
    is_supervising_unit: z.preprocess(
      blankToUndefined,
      z
        .union([z.boolean(), z.string().trim().toLowerCase()])
        .transform((v, ctx) => {
          if (typeof v === 'boolean') return v;
          if (YES.has(v)) return true;
          if (NO.has(v)) return false;
          ctx.addIssue({ code: 'custom', message: 'Expected yes/no (true/false, 是/否)' });
          return z.NEVER;
        })
        .default(false),
    ),
  }),
);
export type AgencyImportRow = z.infer<typeof agencyImportRowSchema>;
