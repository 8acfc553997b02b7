import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/config';

export const EXPORT_KINDS = ['notice', 'annual'] as const;
export const EXPORT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;
export const YEAR_PATTERN = /^(\d{4})$/;

/** GET /api/exports query: a notice covers a quarter (2026Q3), an annual report a year (2026). */
export const exportQuerySchema = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    period: z.string().trim().toUpperCase(),
    agencyId: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    locale: z.enum(LOCALES).optional(),
  })
  .superRefine((v, ctx) => {
    const pattern = v.kind === 'notice' ? QUARTER_PATTERN : YEAR_PATTERN;
    if (!pattern.test(v.period)) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: v.kind === 'notice' ? 'Use a quarter such as 2026Q3' : 'Use a year such as 2026' });
    }
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
