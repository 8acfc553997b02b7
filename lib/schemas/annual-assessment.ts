import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/config';
import { EXPORT_FORMATS } from './export';

const year = z.coerce.number().int().min(2000).max(2100);

/** /assessment?unit=…&year=…: both optional (the caller's scope root and the current Beijing year by default). */
export const assessmentPageQuerySchema = z.object({
  unit: z.uuid().optional().catch(undefined),
  year: year.optional().catch(undefined),
});

/** GET /api/exports/assessment-zip?agencyId=…&year=…&format=…: every region unit of a tree, one file each. */
export const assessmentZipQuerySchema = z.object({
  agencyId: z.uuid(),
  year,
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(LOCALES).optional(),
});
export type AssessmentZipQuery = z.infer<typeof assessmentZipQuerySchema>;

/** Marks an inspection's notice (通报) as issued (印发) on a Beijing day. */
export const markNoticeIssuedInputSchema = z.object({
  inspectionId: z.uuid(),
  issuedOn: z.iso.date(),
});
export type MarkNoticeIssuedInput = z.infer<typeof markNoticeIssuedInputSchema>;
