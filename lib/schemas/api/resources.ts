import { z } from 'zod';
import { ALERT_KINDS } from '@/lib/schemas/alert';
import {
  ACCOUNT_LIFECYCLES,
  AGENCY_LEVELS,
  FILING_STATUSES,
  FINDING_STATUSES,
  PLATFORM_CODES,
  SCORE_RESULTS,
} from '@/lib/schemas/enums';
import { exportJobSchema, type ExportJobDto } from '@/lib/schemas/export-job';
import { findingCursorSchema } from '@/lib/schemas/finding-cursor';
import { idCursorSchema, isoDate, isoDateTime, limitSchema, pageOf, queryBoolean } from './common';

// Query and answer shapes of /api/v1 (docs/api.md); the OpenAPI document is generated from these same schemas.

const uuid = () => z.uuid();
const listQuery = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ cursor: idCursorSchema.optional(), limit: limitSchema, ...shape });

// ── agencies ──
export const agenciesQuerySchema = listQuery({
  parentId: uuid().optional().meta({ description: 'Only the direct children of this agency' }),
});
export const agencyItemSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.enum(AGENCY_LEVELS),
  code: z.string().nullable(),
  regionCode: z.string().nullable(),
  isSupervisingUnit: z.boolean(),
  isActive: z.boolean(),
});

// ── accounts ──
export const accountsQuerySchema = listQuery({
  agencyId: uuid().optional().meta({ description: 'Only accounts of this agency and its subtree' }),
  platform: z.enum(PLATFORM_CODES).optional(),
});
export const accountItemSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  platformCode: z.enum(PLATFORM_CODES),
  handle: z.string(),
  displayName: z.string(),
  url: z.string().nullable(),
  lifecycle: z.enum(ACCOUNT_LIFECYCLES),
  filingStatus: z.enum(FILING_STATUSES),
  filingNumber: z.string().nullable(),
  isRegistered: z.boolean(),
  lastPostAt: isoDateTime().nullable(),
});

// ── inspections ──
export const inspectionsQuerySchema = listQuery({
  agencyId: uuid().optional().meta({ description: 'Only inspections scoped at this agency or below' }),
});
export const inspectionItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  monitoringAt: isoDateTime(),
  scope: z.string(),
  sampleRatio: z.number().nullable(),
  status: z.string(),
  scopeAgencyId: z.uuid(),
  scopeAgencyName: z.string(),
  editionCode: z.string(),
  createdAt: isoDateTime(),
  finishedAt: isoDateTime().nullable(),
  noticePublishedAt: isoDateTime().nullable(),
});

// ── scores (figures: lib/services/figures/score.ts, docs/figures.md) ──
export const scoresQuerySchema = listQuery({
  inspectionId: uuid().optional(),
  accountId: uuid().optional(),
  agencyId: uuid().optional(),
});
const indicatorFigureSchema = z.looseObject({
  code: z.string(),
  status: z.string(),
  deducted: z.number(),
  max: z.number(),
  reason: z.string().optional(),
});
const scoreFiguresShape = {
  result: z.enum(SCORE_RESULTS),
  isScored: z.boolean().meta({ description: 'A verdict (not INSUFFICIENT_DATA)' }),
  isPass: z.boolean(),
  isVetoed: z.boolean(),
  isZombie: z.boolean().meta({ description: 'A confirmed V2 veto (僵尸号)' }),
  total: z.number().meta({ description: 'Computed total (100 − deductions)' }),
  bonus: z.number(),
  reportedScore: z.number().meta({ description: '通报得分: total + bonus, or capped at the veto score when vetoed' }),
  vetoCodes: z.array(z.string()),
  pendingVetoCodes: z.array(z.string()),
  indicators: z.array(indicatorFigureSchema),
  coverage: z.object({ coveredDays: z.number().nullable(), windowDays: z.number().nullable() }),
};
export const scoreItemSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  agencyId: z.uuid(),
  monitoringAt: isoDateTime(),
  computedAt: isoDateTime(),
  ...scoreFiguresShape,
});
const deductionSchema = z.object({
  code: z.string(),
  raw: z.number(),
  deducted: z.number(),
  max: z.number(),
  isCapped: z.boolean(),
});
export const accountScoresSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  agencyId: z.uuid(),
  scores: z.array(
    z.object({
      scoreId: z.uuid(),
      inspectionId: z.uuid(),
      inspectionName: z.string(),
      monitoringAt: isoDateTime(),
      editionCode: z.string(),
      editionName: z.string(),
      ...scoreFiguresShape,
      deductions: z.array(deductionSchema),
    }),
  ),
});

// ── findings (with evidence) ──
export const findingsQuerySchema = z.strictObject({
  cursor: findingCursorSchema
    .optional()
    .meta({ description: 'nextCursor of the previous page; omit for the first page' }),
  status: z.enum([...FINDING_STATUSES, 'ALL']).default('ALL'),
  indicator: z
    .string()
    .regex(/^[A-Z]\d+(\.\d+)?$/)
    .optional()
    .meta({ description: 'Indicator code, e.g. D3' }),
  inspectionId: uuid().optional(),
  agencyId: uuid().optional(),
  accountId: uuid().optional(),
});
export const findingItemSchema = z.object({
  id: z.uuid(),
  indicatorCode: z.string(),
  ruleId: z.string(),
  status: z.enum(FINDING_STATUSES),
  points: z.number(),
  isVeto: z.boolean(),
  accountId: z.uuid(),
  accountName: z.string(),
  platformCode: z.string(),
  agencyName: z.string(),
  inspectionId: z.uuid(),
  monitoringAt: isoDateTime(),
  reviewReason: z.string().nullable(),
  evidence: z.object({
    sourceType: z.string().meta({ description: 'POST, COMMENT, PROFILE, APP_RELEASE, STORE_LISTING, LINK_CHECK …' }),
    sourceUrl: z.string().nullable(),
    sourcePublishedAt: isoDateTime().nullable(),
    excerpt: z.string().nullable().meta({ description: 'The text around the match, as the dashboard shows it' }),
    spanStart: z.number().int().nullable().meta({ description: 'Start of the match inside `excerpt`' }),
    spanEnd: z.number().int().nullable(),
    matchedText: z.string().nullable(),
  }),
});
export const findingsPageApiSchema = pageOf(findingItemSchema).extend({
  total: z.number().int().meta({ description: 'Rows matching the filter' }),
});

// ── rectifications ──
export const rectificationsQuerySchema = listQuery({ state: z.enum(['OPEN', 'DONE', 'ALL']).default('ALL') });
export const rectificationItemSchema = z.object({
  id: z.uuid(),
  findingId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  accountId: z.uuid(),
  indicatorCode: z.string(),
  ruleId: z.string(),
  deadline: isoDate(),
  doneAt: isoDateTime().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime(),
  isOverdue: z.boolean().meta({ description: 'Open and past its deadline (Asia/Shanghai day)' }),
});

// ── alerts ──
export const alertsQuerySchema = listQuery({
  kind: z.enum(ALERT_KINDS).optional(),
  acknowledged: queryBoolean()
    .optional()
    .meta({ description: 'true: only acknowledged; false: only open; omitted: both' }),
});
export const alertItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  accountId: z.uuid(),
  accountName: z.string(),
  platformCode: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  details: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: 'Per kind, as stored by the alert raiser (lib/schemas/alert.ts)' }),
  createdAt: isoDateTime(),
  acknowledgedAt: isoDateTime().nullable(),
});

// ── figures of a scope (same as /api/overview and /api/agencies/{id}) ──
const resultFiguresSchema = z.object({
  scored: z.number().int(),
  passed: z.number().int(),
  failedScore: z.number().int(),
  vetoed: z.number().int(),
  atRisk: z.number().int(),
  insufficientData: z.number().int(),
  passRate: z.number().nullable().meta({ description: 'passed / scored; null when nothing was scored' }),
});
export const overviewSchema = z.looseObject({
  asOf: isoDateTime(),
  scopeNames: z.array(z.string()),
  staleAfterDays: z.number().int(),
  nearingFromDays: z.number().int(),
  windowCoverage: z.number().nullable(),
  staleCount: z.number().int(),
  nearingCount: z.number().int(),
  latest: z.looseObject({ ...resultFiguresSchema.shape, zombies: z.number().int() }),
});
export const agencyScorecardSchema = z.looseObject({
  agency: z.looseObject({ id: z.uuid(), name: z.string() }),
  children: z.array(
    z.looseObject({
      agencyId: z.uuid(),
      name: z.string(),
      accounts: z.number().int(),
      staleAccounts: z.number().int(),
      results: resultFiguresSchema,
    }),
  ),
  accounts: z.array(
    z.looseObject({
      id: z.uuid(),
      displayName: z.string(),
      latest: z.looseObject({ result: z.string(), reportedScore: z.number() }).nullable(),
    }),
  ),
  staleDays: z.number().int(),
});

// ── raw platform answers behind a finding's evidence (docs/crawlers.md, raw-response archive) ──
export const rawHashParamSchema = z.object({
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'SHA-256 of the archived body' }),
});
export const findingRawSchema = z.object({
  items: z.array(
    z.object({
      crawlRunId: z.uuid(),
      fetchedAt: isoDateTime(),
      endpoint: z.string(),
      rawHash: z.string(),
      url: z.string(),
      status: z.number().int(),
      href: z.string().meta({ description: 'GET it for the answer as received: /api/v1/raw/{rawHash}' }),
    }),
  ),
});

// ── export jobs (large exports run in the background) ──
export const exportJobApiSchema = exportJobSchema.extend({
  statusUrl: z.string().meta({ description: 'GET it for the progress (this object)' }),
  fileUrl: z.string().nullable().meta({ description: 'GET it for the file once status is DONE; null before' }),
});
export type ExportJobApi = z.infer<typeof exportJobApiSchema>;
export const exportAcceptedSchema = z.object({ job: exportJobApiSchema });

/** A job as /api/v1 answers it: with the URLs to poll it and to download its file. */
export function withExportJobLinks(job: ExportJobDto, base = '/api/v1'): ExportJobApi {
  const statusUrl = `${base}/export-jobs/${job.id}`;
  return { ...job, statusUrl, fileUrl: job.status === 'DONE' ? `${statusUrl}/file` : null };
}
