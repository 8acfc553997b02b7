import { z } from 'zod';
import { NATIONAL_2019 } from '@/lib/scoring';
import { isScoredResult } from '@/lib/scoring/figures/results';
import { isZombieScore } from '@/lib/scoring/figures/zombies';

/**
 * The one reader of a stored score's figures (pure). Every surface — overview, agency pages, account page,
 * exports, API — shows what this returns, so a vetoed account's 通报得分 is the same number everywhere.
 */

const indicatorSchema = z.object({
  code: z.string(),
  status: z.string(),
  deducted: z.number(),
  max: z.number(),
  // Why data was missing (rows stored before reasons existed have none).
  reason: z.string().optional(),
  reasonDetails: z.record(z.string(), z.unknown()).optional(),
});
export type IndicatorFigure = z.infer<typeof indicatorSchema>;

// Stored as {indicators, reportedScore}; older rows hold a bare indicator array and no reported score.
const breakdownSchema = z
  .union([
    z.object({ indicators: z.array(indicatorSchema), reportedScore: z.number().optional() }),
    z.array(indicatorSchema).transform((indicators) => ({ indicators, reportedScore: undefined })),
  ])
  .catch({ indicators: [], reportedScore: undefined });

const coverageSchema = z
  .object({ coveredDays: z.number().int().min(0), windowDays: z.number().int().min(0) })
  .partial()
  .catch({});

/** A score row as stored (lib/data returns these fields); vetoScore is its edition's, null when unknown. */
export type StoredScore = {
  result: string;
  total: number;
  bonus?: number | null;
  breakdown: unknown;
  vetoCodes: readonly string[];
  pendingVetoCodes: readonly string[];
  coverage?: unknown;
  vetoScore?: number | null;
};

export type ScoreFigures = {
  result: string;
  /** A verdict: not INSUFFICIENT_DATA. */
  isScored: boolean;
  isPass: boolean;
  isVetoed: boolean;
  /** A confirmed V2 veto: a zombie account in this inspection. */
  isZombie: boolean;
  /** 100 − deductions (suspected ones included provisionally). */
  total: number;
  /** Bonus counted in the reported score: none when vetoed. */
  bonus: number;
  /**
   * 通报得分, the score every surface shows: total + bonus, or, when vetoed, capped at the edition's veto score.
   * As scored (lib/scoring evaluate) when stored; recomputed the same way for rows stored before it was.
   */
  reportedScore: number;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  indicators: IndicatorFigure[];
  /** Days crawled in the V2 window of the inspection, of windowDays (the window is the edition's, +1 for the day itself). */
  coverage: { coveredDays: number | null; windowDays: number | null };
};

export function readScoreFigures(s: StoredScore): ScoreFigures {
  const breakdown = breakdownSchema.parse(s.breakdown);
  const coverage = coverageSchema.parse(s.coverage ?? {});
  const isVetoed = s.result === 'FAIL_VETO';
  const bonus = isVetoed ? 0 : (s.bonus ?? 0);
  const vetoScore = s.vetoScore ?? NATIONAL_2019.vetoScore;
  return {
    result: s.result,
    isScored: isScoredResult(s.result),
    isPass: s.result === 'PASS',
    isVetoed,
    isZombie: isZombieScore(s.vetoCodes),
    total: s.total,
    bonus,
    reportedScore: breakdown.reportedScore ?? (isVetoed ? Math.min(s.total, vetoScore) : s.total + bonus),
    vetoCodes: [...s.vetoCodes],
    pendingVetoCodes: [...s.pendingVetoCodes],
    indicators: breakdown.indicators,
    coverage: { coveredDays: coverage.coveredDays ?? null, windowDays: coverage.windowDays ?? null },
  };
}

/** What a list row of a score shows: its result and reported score (the badge), and the veto codes. */
export type ScoreBadge = {
  result: string;
  reportedScore: number;
  total: number;
  bonus: number;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  isZombie: boolean;
};

export function scoreBadge(s: StoredScore): ScoreBadge {
  const f = readScoreFigures(s);
  return {
    result: f.result,
    reportedScore: f.reportedScore,
    total: f.total,
    bonus: f.bonus,
    vetoCodes: f.vetoCodes,
    pendingVetoCodes: f.pendingVetoCodes,
    isZombie: f.isZombie,
  };
}
