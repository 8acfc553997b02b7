import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EDITION_SCHEMA_VERSION,
  editionSchema,
  NATIONAL_2019,
  readEdition,
  safeReadEdition,
  toStoredCatalogue,
  upgradeCatalogue,
} from '@/lib/scoring';

// A catalogue as stored before schema versions existed (version 1): no schemaVersion, D7 without the delisting
// fields. Written out by hand (not derived from NATIONAL_2019) so a change to the current shape cannot hide here.
const STORED_V1 = {
  code: 'city-2024',
  name: '市级细则 2024',
  passMark: 65,
  contentWindowDays: 60,
  vetoScore: 59,
  bonus: { cap: 5, minScore: 80, items: [{ code: 'B1', name: '政策解读突出', points: 2 }] },
  veto: {
    V1_1: { enabled: true },
    V1_2: { enabled: true },
    V1_3: { enabled: false },
    V1_4: { enabled: true, burstItems: 10, burstHours: 24, silenceDays: 30 },
    V2: { enabled: true, windowDays: 14 },
    V3: { enabled: true },
  },
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
  D7: {
    max: 15,
    staleMonths: 12,
    stalePoints: 5,
    minRating: 3,
    minRatingCount: 50,
    ratingPoints: 5,
    lookalikeSimilarity: 0.8,
    lookalikePoints: 5,
  },
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
    A2: { max: 20, missingNoticePoints: 5 },
    A3: { max: 20, deadlineWorkdays: 10, overduePoints: 5, latePoints: 2 },
    A4: { max: 15, unregisteredPoints: 5, zombiePoints: 5 },
    A5: { max: 15, below90Points: 5, below80Points: 10 },
  },
};

describe('stored edition upgrade chain', () => {
  it('a version-1 catalogue fails the current schema as stored, and is upgraded and read with the values that keep its scores', () => {
    expect(editionSchema.safeParse(STORED_V1).success).toBe(false);
    const edition = readEdition(STORED_V1);
    expect(edition.D7).toMatchObject({ delistedConfirmHours: 24, delistedPoints: 5, staleMonths: 12 });
    expect(edition).toMatchObject({ code: 'city-2024', passMark: 65, contentWindowDays: 60 });
    expect(edition.veto.V1_3.enabled).toBe(false);
    expect(safeReadEdition(STORED_V1).success).toBe(true);
  });

  it('upgrading stamps the current version and keeps values already present', () => {
    const custom = { ...STORED_V1, D7: { ...STORED_V1.D7, delistedConfirmHours: 48 } };
    const upgraded = upgradeCatalogue(custom) as {
      schemaVersion: number;
      D7: { delistedConfirmHours: number; delistedPoints: number };
    };
    expect(upgraded.schemaVersion).toBe(EDITION_SCHEMA_VERSION);
    expect(upgraded.D7).toMatchObject({ delistedConfirmHours: 48, delistedPoints: 5 });
  });

  it('a catalogue written now reads back as the same edition, version stamp not part of the edition', () => {
    const stored = JSON.parse(JSON.stringify(toStoredCatalogue(NATIONAL_2019))) as Record<string, unknown>;
    expect(stored.schemaVersion).toBe(EDITION_SCHEMA_VERSION);
    const read = readEdition(stored);
    expect(read).toEqual(NATIONAL_2019);
    expect('schemaVersion' in read).toBe(false);
  });

  it('a catalogue newer than this build is refused, not read with fields dropped', () => {
    const future = { ...toStoredCatalogue(NATIONAL_2019), schemaVersion: EDITION_SCHEMA_VERSION + 1 };
    expect(() => readEdition(future)).toThrow(z.ZodError);
    expect(safeReadEdition(future).success).toBe(false);
  });

  it('a catalogue that is not an edition still fails validation after the upgrade', () => {
    expect(safeReadEdition({ ...STORED_V1, passMark: 'sixty' }).success).toBe(false);
    expect(safeReadEdition(null).success).toBe(false);
  });
});
