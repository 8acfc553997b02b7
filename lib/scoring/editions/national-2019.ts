import { editionSchema, type Edition } from '../edition';

/** 国办秘函〔2019〕19号 baseline as given in indicators.md; values marked (cfg) there are this calibration. */
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
  veto: {
    V1_1: { enabled: true },
    V1_2: { enabled: true },
    V1_3: { enabled: true },
    V1_4: { enabled: true, burstItems: 10, burstHours: 24, silenceDays: 30 },
    V2: { enabled: true, windowDays: 14 },
    V3: { enabled: true },
  },
  D1: { max: 10, noItemDays: 7, noItemPoints: 5, countWindowDays: 30, minItems: 4, fewItemsPoints: 5 },
  D2: { max: 20, typoPoints: 1, correctionPoints: 5 },
  D3: { max: 20, entertainmentPoints: 2, insultPoints: 5, adPoints: 5 },
  D4: { max: 15, points: 5 },
  D5: { max: 20, windowDays: 30, minQuestions: 3, minReplyRate: 0.8, replyRatePoints: 5, maxMedianLatencyWorkdays: 5, latencyPoints: 5, inappropriatePoints: 10 },
  D6: { max: 10, points: 2, minHoursApart: 1 },
  D7: { max: 15, staleMonths: 12, stalePoints: 5, minRating: 3.0, minRatingCount: 50, ratingPoints: 5, lookalikeSimilarity: 0.8, lookalikePoints: 5 },
  D8: { max: 15, unfiledPoints: 5, namingPoints: 3, unverifiedPoints: 3, extraAccountPoints: 2, duplicateContentPoints: 2, duplicateShare: 0.6 },
  D9: { max: 10, forcedFollowPoints: 5, fanJumpFactor: 5, fanJumpDays: 7, fanJumpPoints: 5 },
  D10: { max: 10, points: 2 },
  annual: {
    A0: { maxV11Failures: 1 },
    A1: { max: 30, missingQuarterPoints: 10, minCoverage: 0.5, lowCoveragePoints: 5 },
    A2: { max: 10, missingNoticePoints: 3 },
    A3: { max: 30, deadlineWorkdays: 15, overduePoints: 3, latePoints: 2 },
    A4: { max: 20, unregisteredPoints: 3, zombiePoints: 2 },
    A5: { max: 10, below90Points: 5, below80Points: 10 },
  },
});
