import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/config';
import { EXPORT_FORMATS, exportQuerySchema, YEAR_PATTERN } from './export';
import { text } from './text';

/** The province-wide annual assessment (every region unit's report in one ZIP) as a job; `period` is the year. */
export const assessmentZipJobInputSchema = z.object({
  kind: z.literal('assessment-zip'),
  period: text().trim().regex(YEAR_PATTERN, 'validation.yearPeriod'),
  agencyId: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(LOCALES).optional(),
});

/** Start a background export: the same fields as GET /api/exports, or the assessment ZIP. */
export const startExportJobInputSchema = z.union([exportQuerySchema, assessmentZipJobInputSchema]);
export type StartExportJobInput = z.input<typeof startExportJobInputSchema>;

export const EXPORT_JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;

/** One of the user's background exports as the exports page lists it (never the file itself). */
export const exportJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['notice', 'annual', 'assessment-zip']),
  period: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  format: z.enum(['pdf', 'xlsx', 'docx']),
  status: z.enum(EXPORT_JOB_STATUSES),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  /** Localized reason of a failed job. */
  error: z.string().nullable(),
  filename: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type ExportJobDto = z.infer<typeof exportJobSchema>;

export const exportJobListSchema = z.object({ items: z.array(exportJobSchema) });
export type ExportJobList = z.infer<typeof exportJobListSchema>;

export const exportJobIdSchema = z.uuid();
