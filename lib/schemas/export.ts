import { z } from 'zod';
import { text } from './text';
import { LOCALES } from '@/lib/i18n/config';

export const EXPORT_KINDS = ['notice', 'annual'] as const;
export const EXPORT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Years 2000–2099 only: 0000 or 9999Q4 used to pass and fail later as a 500 (dates beyond what the database and
// the formatters take); the indicator catalogue dates from 2019 and the annual assessment allows 2000–2100 too.
export const QUARTER_PATTERN = /^(20\d{2})Q([1-4])$/;
export const YEAR_PATTERN = /^(20\d{2})$/;

/** GET /api/exports query: a notice covers a quarter (2026Q3), an annual report a year (2026). */
export const exportQuerySchema = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    period: text().trim().toUpperCase(),
    agencyId: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    locale: z.enum(LOCALES).optional(),
  })
  .superRefine((v, ctx) => {
    const pattern = v.kind === 'notice' ? QUARTER_PATTERN : YEAR_PATTERN;
    if (!pattern.test(v.period)) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: v.kind === 'notice' ? 'validation.quarterPeriod' : 'validation.yearPeriod',
      });
    }
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Direct or background: a notice or annual report of a subtree with more registered accounts than the direct limit
 * (EXPORT_DIRECT_MAX_ACCOUNTS) runs as an export job, never inside a request. The one rule the exports page, GET
 * /api/exports and POST /api/v1/exports apply (lib/services/measure-export-scopes.ts decides with it on the server).
 */
export function runsAsExportJob(accounts: number, directLimit: number): boolean {
  return accounts > directLimit;
}
