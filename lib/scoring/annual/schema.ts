import { z } from 'zod';

// The annual supervision assessment (监管工作年度考核, docs/indicators.md Part 3) as a document: computed by
// lib/scoring/annual from stored facts, read by the page, the annual report and the ZIP export alike.

export const ANNUAL_ITEM_CODES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;
export type AnnualItemCode = (typeof ANNUAL_ITEM_CODES)[number];

/**
 * HIT: deducted (A0: the unit fails). CLEAR: judged, nothing to deduct. INSUFFICIENT_DATA: the stored facts cannot
 * decide it (never counted as clean). NOT_DUE: nothing of it has fallen due yet (a year that has just begun).
 */
export const ANNUAL_ITEM_STATUSES = ['HIT', 'CLEAR', 'INSUFFICIENT_DATA', 'NOT_DUE'] as const;
export type AnnualItemStatus = (typeof ANNUAL_ITEM_STATUSES)[number];

/** What a fact says; the UI and the exports turn it into a sentence (assessment.facts.<kind>). */
export const ANNUAL_FACT_KINDS = [
  // A1 routine checks, per quarter
  'QUARTER_NOT_DUE',
  'NO_INSPECTION',
  'LOW_COVERAGE',
  'INSPECTED',
  'NO_ACTIVE_ACCOUNTS',
  // A2 publishing results, per quarter
  'NO_NOTICE',
  'NOTICE_PUBLISHED',
  'NOTICE_NOT_DUE',
  // A3 rectification
  'RECTIFICATION_OVERDUE',
  'RECTIFICATION_LATE',
  'RECTIFICATION_COUNTS',
  // A4 registration and consolidation
  'UNREGISTERED_ACCOUNT',
  'ZOMBIE_NOT_CLOSED',
  'ZOMBIE_OPEN',
  'ZOMBIE_CLOSED',
  // A5 pass rate
  'PASS_RATE',
  'QUARTER_PASS_RATE',
  'NO_SCORED_RESULTS',
  // A0 single veto
  'V11_FAILURE',
  'V11_PENDING',
] as const;
export type AnnualFactKind = (typeof ANNUAL_FACT_KINDS)[number];

const count = z.number().int().min(0);
const iso = z.string();

/** One fact behind an item: which quarter, inspection, account, finding or rectification, and the points it cost. */
export const annualFactSchema = z.object({
  kind: z.enum(ANNUAL_FACT_KINDS),
  /** Points deducted for this fact (0 for facts shown for information). */
  points: z.number().min(0),
  quarter: z.string().optional(),
  inspectionId: z.string().optional(),
  inspectionName: z.string().optional(),
  scopeAgencyName: z.string().optional(),
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  agencyName: z.string().optional(),
  platformCode: z.string().optional(),
  findingId: z.string().optional(),
  rectificationId: z.string().optional(),
  indicatorCode: z.string().optional(),
  ruleId: z.string().optional(),
  /** A Beijing day: a rectification deadline. */
  day: z.string().optional(),
  /** An instant: monitoring time, completion or publication. */
  at: iso.optional(),
  quarters: z.array(z.string()).optional(),
  covered: count.optional(),
  active: count.optional(),
  insufficient: count.optional(),
  passed: count.optional(),
  scored: count.optional(),
  /** covered/active (A1) or passed/scored (A5). */
  ratio: z.number().min(0).max(1).optional(),
  total: count.optional(),
  late: count.optional(),
  overdue: count.optional(),
  open: count.optional(),
});
export type AnnualFact = z.infer<typeof annualFactSchema>;

export const annualItemSchema = z.object({
  code: z.enum(ANNUAL_ITEM_CODES),
  deducted: z.number().min(0),
  max: z.number().min(0),
  status: z.enum(ANNUAL_ITEM_STATUSES),
  /** Why an item is INSUFFICIENT_DATA (a machine code, e.g. NO_SCORED_RESULTS, V11_PENDING_REVIEW). */
  reason: z.string().nullable(),
  facts: z.array(annualFactSchema),
});
export type AnnualItem = z.infer<typeof annualItemSchema>;

export const annualAssessmentSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  editionCode: z.string(),
  /** Shown to users; the code stays for links and audit. */
  editionName: z.string(),
  /** The instant the assessment was computed at (the injected clock). */
  asOf: iso,
  /** The year is over: no quarter, deadline or year-end rule is still pending. */
  isFinal: z.boolean(),
  /** Σ max of A1–A5 − Σ deducted. */
  score: z.number(),
  maxScore: z.number(),
  /** A0: the unit fails the assessment whatever its score. */
  vetoed: z.boolean(),
  /** Some item could not be judged from stored facts: the score is not a verdict yet. */
  hasInsufficientData: z.boolean(),
  items: z.array(annualItemSchema),
});
export type AnnualAssessment = z.infer<typeof annualAssessmentSchema>;
