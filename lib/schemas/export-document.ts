import { z } from 'zod';
import { annualAssessmentSchema } from '@/lib/scoring/annual';
import { EXPORT_KINDS } from './export';

// The document model behind every export format: built by lib/services, rendered by lib/export.
// Codes only (results, indicators, rules, platforms); renderers translate them.

const count = z.number().int().min(0);
const isoInstant = z.iso.datetime({ offset: true });
const isoDay = z.iso.date();
const scoredResultSchema = z.enum(['PASS', 'FAIL_SCORE', 'FAIL_VETO', 'AT_RISK']);

export const exportInspectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  monitoringAt: isoInstant,
  scopeAgencyName: z.string(),
  scope: z.enum(['TREE', 'SAMPLE']),
  sampleRatio: z.number().nullable(),
  editionCode: z.string(),
  /** The edition's title: documents name the edition by it, never by its code. */
  editionName: z.string(),
  /** Scores this inspection stored for accounts of the exported subtree. */
  accounts: count,
});

const accountRef = {
  accountId: z.string(),
  accountName: z.string(),
  platformCode: z.string(),
  agencyName: z.string(),
  /** Quarter (2026Q3, Asia/Shanghai) of the inspection the row comes from. */
  quarter: z.string(),
  inspectionId: z.string(),
  monitoringAt: isoInstant,
};

/** One deducting indicator: `raw` is what its findings add up to, `deducted` what the score counted (capped at `max`). */
export const exportDeductionSchema = z.object({
  code: z.string(),
  raw: z.number(),
  deducted: z.number(),
  max: z.number(),
  isCapped: z.boolean(),
});

export const exportAccountRowSchema = z.object({
  ...accountRef,
  editionCode: z.string(),
  result: scoredResultSchema,
  isPass: z.boolean(),
  /** 100 − deductions, as scored (suspected deductions included provisionally). */
  total: z.number(),
  /** 加分 counted in the reported score (none when vetoed). */
  bonus: z.number().default(0),
  /** The score a notice reports: capped at the edition's veto score when vetoed. */
  reportedScore: z.number(),
  vetoCodes: z.array(z.string()),
  /** Rules of the confirmed veto findings: the veto reason. */
  vetoRules: z.array(z.string()),
  pendingVetoCodes: z.array(z.string()),
  deductions: z.array(exportDeductionSchema),
  /** A vetoed account is scored by the veto rule; its deductions are listed for information only (仅供参考). */
  isDeductionsInformational: z.boolean(),
  coveredDays: count.nullable(),
  windowDays: count.nullable(),
});

export const exportInsufficientRowSchema = z.object({
  ...accountRef,
  coveredDays: count.nullable(),
  windowDays: count.nullable(),
  /** Indicators that could not be evaluated for lack of crawled data. */
  indicators: z.array(z.string()),
  /** Why each of them could not be (docs/scoring.md reasons); reason null on rows scored before reasons were kept. */
  reasons: z
    .array(
      z.object({
        code: z.string(),
        reason: z.string().nullable(),
        details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    )
    .default([]),
});

export const exportRectificationSchema = z.object({
  deadline: isoDay,
  doneAt: isoInstant.nullable(),
  isOverdue: z.boolean(),
  isLate: z.boolean(),
});

export const exportFindingSchema = z.object({
  ...accountRef,
  id: z.string(),
  indicatorCode: z.string(),
  ruleId: z.string(),
  status: z.enum(['CONFIRMED', 'RECTIFIED']),
  points: z.number(),
  isVeto: z.boolean(),
  /** A deduction of a vetoed account: listed, not counted. */
  isInformational: z.boolean(),
  sourceType: z.string(),
  sourceUrl: z.string().nullable(),
  sourcePublishedAt: isoInstant.nullable(),
  excerpt: z.string().nullable(),
  matchedText: z.string().nullable(),
  rectification: exportRectificationSchema.nullable(),
});

export const exportCodeCountSchema = z.object({ code: z.string(), count });

export const exportQuarterSchema = z.object({
  quarter: z.string(),
  accountsInspected: count,
  scored: count,
  passed: count,
  vetoed: count,
  insufficientData: count,
  passRate: z.number().min(0).max(1).nullable(),
});

export const exportZombieSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  platformCode: z.string(),
  agencyName: z.string(),
  /** Quarters whose latest score carries the confirmed V2 veto. */
  quarters: z.array(z.string()),
  /** Zombie in two or more quarters of the period (the annual assessment's A4 basis). */
  isPersistent: z.boolean(),
  isClosed: z.boolean(),
});

export const exportSummarySchema = z.object({
  accountsInspected: count,
  /** Accounts with a verdict: INSUFFICIENT_DATA accounts are neither passes nor failures. */
  scored: count,
  passed: count,
  failedScore: count,
  vetoed: count,
  atRisk: count,
  insufficientData: count,
  /** passed / scored; null when nothing was scored. */
  passRate: z.number().min(0).max(1).nullable(),
  vetoesByIndicator: z.array(exportCodeCountSchema),
  /** Accounts with a confirmed V2 veto in a quarter of the period (lib/scoring/figures/zombies.ts). */
  zombieAccounts: count,
  /** Of those, zombies in two or more quarters (A4). */
  persistentZombieAccounts: count,
  confirmedFindings: count,
  informationalFindings: count,
  /** Suspected findings are not in the findings list: only counted here, pending review (待复核). */
  pendingReviewFindings: count,
  pendingReviewByIndicator: z.array(exportCodeCountSchema),
  rectifications: z.object({ total: count, open: count, overdue: count, done: count, late: count }),
});

export const exportRankedUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  level: z.string(),
  rank: count.min(1),
  accounts: count,
  score: z.number(),
  maxScore: z.number(),
  vetoed: z.boolean(),
  hasInsufficientData: z.boolean(),
  deductions: z.array(z.object({ code: z.string(), deducted: z.number(), status: z.string() })),
});

/** The annual supervision assessment (A0–A5) of the report's unit and the ranking of its next level. */
export const exportAssessmentSchema = z.object({
  assessment: annualAssessmentSchema,
  supervisingOffice: z.string().nullable(),
  children: z.array(exportRankedUnitSchema),
});

export const exportDocumentSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  period: z.object({ code: z.string(), from: isoInstant, to: isoInstant }),
  agency: z.object({ id: z.string(), name: z.string() }),
  generatedAt: isoInstant,
  /**
   * 发文字号, e.g. 临溪巡检〔2026〕3号, built by the renderer from the issuing agency's short name, the year and the
   * sequence issued on export (lib/services/issue-document-number.ts); null until issued and for an empty period.
   */
  reference: z.object({ prefix: z.string(), year: z.number().int(), sequence: z.number().int().min(1).nullable() }),
  /** The office in the red header (版头) and the signature (落款): the agency's supervising office, else the agency. */
  issuer: z.object({ office: z.string() }),
  /** 成文日期: the Beijing day the document was produced. */
  issuedOn: isoDay,
  inspections: z.array(exportInspectionSchema),
  summary: exportSummarySchema,
  quarters: z.array(exportQuarterSchema),
  accounts: z.array(exportAccountRowSchema),
  insufficientData: z.array(exportInsufficientRowSchema),
  findings: z.array(exportFindingSchema),
  zombies: z.array(exportZombieSchema),
  /** Annual reports only: the assessment computed by computeAnnualAssessment (the page shows the same). */
  assessment: exportAssessmentSchema.nullable().default(null),
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type ExportAccountRow = z.infer<typeof exportAccountRowSchema>;
export type ExportInsufficientRow = z.infer<typeof exportInsufficientRowSchema>;
export type ExportFinding = z.infer<typeof exportFindingSchema>;
export type ExportSummary = z.infer<typeof exportSummarySchema>;
export type ExportQuarter = z.infer<typeof exportQuarterSchema>;
export type ExportZombie = z.infer<typeof exportZombieSchema>;
export type ExportInspection = z.infer<typeof exportInspectionSchema>;
export type ExportAssessment = z.infer<typeof exportAssessmentSchema>;
