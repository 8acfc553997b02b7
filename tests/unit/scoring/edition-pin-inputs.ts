// Stored catalogues of every shipped schema version, and malformed ones, whose upgrade and reading are pinned in
// edition-pins.json (values computed with the hand-written edition before it was composed from the detector
// declarations). Written out by hand, not derived from the current code, so a change to it cannot hide here.

const veto = {
  V1_1: { enabled: true },
  V1_2: { enabled: true },
  V1_3: { enabled: true },
  V1_4: { enabled: true, burstItems: 10, burstHours: 24, silenceDays: 30 },
  V2: { enabled: true, windowDays: 14 },
  V3: { enabled: true },
};
const D7_V1 = {
  max: 15,
  staleMonths: 12,
  stalePoints: 5,
  minRating: 3,
  minRatingCount: 50,
  ratingPoints: 5,
  lookalikeSimilarity: 0.8,
  lookalikePoints: 5,
};

/** national-2019 as stored at schema version 1 (no schemaVersion, D7 without the delisting fields). */
const NATIONAL_V1 = {
  code: 'national-2019',
  name: '全国基准（国办秘函〔2019〕19号）',
  passMark: 60,
  contentWindowDays: 90,
  vetoScore: 59,
  bonus: {
    cap: 5,
    minScore: 80,
    items: [
      { code: 'B1', name: '政策解读与回应关切表现突出', points: 2 },
      { code: 'B2', name: '政务服务创新，群众评价好', points: 2 },
      { code: 'B3', name: '获上级部门通报表扬或经验推广', points: 1 },
    ],
  },
  veto,
  D1: { max: 10, noItemDays: 7, noItemPoints: 5, countWindowDays: 30, minItems: 4, fewItemsPoints: 5 },
  D2: { max: 20, typoPoints: 1, correctionPoints: 5 },
  D3: { max: 20, entertainmentPoints: 2, insultPoints: 5, adPoints: 5 },
  D4: { max: 15, points: 5 },
  D5: {
    max: 20,
    windowDays: 30,
    minQuestions: 3,
    minReplyRate: 0.8,
    replyRatePoints: 5,
    maxMedianLatencyWorkdays: 5,
    latencyPoints: 5,
    inappropriatePoints: 10,
  },
  D6: { max: 10, points: 2, minHoursApart: 1 },
  D7: D7_V1,
  D8: {
    max: 15,
    unfiledPoints: 5,
    namingPoints: 3,
    unverifiedPoints: 3,
    extraAccountPoints: 2,
    duplicateContentPoints: 2,
    duplicateShare: 0.6,
  },
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
};

/** A derived edition at version 1: other values, a switched-off veto and indicator, one bonus item. */
const CITY_V1 = {
  ...NATIONAL_V1,
  code: 'city-2024',
  name: '市级细则 2024',
  passMark: 65,
  contentWindowDays: 60,
  bonus: { cap: 5, minScore: 80, items: [{ code: 'B1', name: '政策解读突出', points: 2 }] },
  veto: { ...veto, V1_3: { enabled: false } },
  D4: { enabled: false, max: 15, points: 5 },
  D7: { ...D7_V1, enabled: false, max: 10 },
};

const NATIONAL_V2 = {
  ...NATIONAL_V1,
  schemaVersion: 2,
  D7: { ...D7_V1, delistedConfirmHours: 24, delistedPoints: 5 },
};

export const PIN_INPUTS: Record<string, unknown> = {
  'national-2019 v1': NATIONAL_V1,
  'national-2019 v1 stamped 1': { ...NATIONAL_V1, schemaVersion: 1 },
  'city-2024 v1': CITY_V1,
  'v1 with delisting values already present': { ...NATIONAL_V1, D7: { ...D7_V1, delistedConfirmHours: 48 } },
  'v1 without D7': Object.fromEntries(Object.entries(NATIONAL_V1).filter(([k]) => k !== 'D7')),
  'v1 with D7 null': { ...NATIONAL_V1, D7: null },
  'v1 with D7 a list': { ...NATIONAL_V1, D7: [1, 2] },
  'v1 with a bad version stamp': { ...NATIONAL_V1, schemaVersion: 1.5 },
  'v1 with version stamp 0': { ...NATIONAL_V1, schemaVersion: 0 },
  'v1 with a wrong type': { ...NATIONAL_V1, passMark: 'sixty' },
  'national-2019 v2': NATIONAL_V2,
  'city-2024 v2': { ...CITY_V1, schemaVersion: 2, D7: { ...CITY_V1.D7, delistedConfirmHours: 72, delistedPoints: 3 } },
  null: null,
  'a string': 'national-2019',
  'a list': [NATIONAL_V1],
  'empty object': {},
};
