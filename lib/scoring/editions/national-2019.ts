import { DECLARED_BASELINE, editionSchema, type Edition, type EditionInput } from '../edition';

/** 国办秘函〔2019〕19号 baseline as given in docs/indicators.md; values marked (cfg) there are this calibration. */
export const NATIONAL_2019: Edition = editionSchema.parse({
  code: 'national-2019',
  name: '全国基准（国办秘函〔2019〕19号）',
  passMark: 60,
  contentWindowDays: 90,
  vetoScore: 59,
  // Bonus items are this product's baseline (cfg): 19号 leaves 加分 to the supervising office.
  bonus: {
    cap: 5,
    minScore: 80,
    items: [
      { code: 'B1', name: '政策解读与回应关切表现突出', points: 2 },
      { code: 'B2', name: '政务服务创新，群众评价好', points: 2 },
      { code: 'B3', name: '获上级部门通报表扬或经验推广', points: 1 },
    ],
  },
  // The veto and deduction values are each detector's declared baseline (lib/scoring/detectors/*.ts).
  veto: DECLARED_BASELINE.veto,
  ...DECLARED_BASELINE.sections,
  annual: {
    A0: { maxV11Failures: 1 },
    A1: { max: 30, missingQuarterPoints: 10, minCoverage: 0.5, lowCoveragePoints: 5 },
    A2: { max: 10, missingNoticePoints: 3 },
    A3: { max: 30, deadlineWorkdays: 15, overduePoints: 3, latePoints: 2 },
    A4: { max: 20, unregisteredPoints: 3, zombiePoints: 2 },
    A5: { max: 10, below90Points: 5, below80Points: 10 },
  },
} satisfies EditionInput);
