import { describe, expect, it } from 'vitest';
import * as prismaEnums from '@/lib/db/generated/enums';
import {
  AGENCY_LEVELS,
  APP_STORES,
  CRAWL_ERROR_KINDS,
  EVIDENCE_SOURCES,
  FINDING_STATUSES,
  ROLES,
  SCORE_RESULTS,
} from '@/lib/schemas/enums';
import { PLATFORM_KINDS } from '@/lib/schemas/platform';

// lib/schemas keeps enums as `as const` arrays so browser bundles never import the generated client.
describe('zod-side enums mirror the Prisma enums', () => {
  it.each([
    ['AgencyLevel', AGENCY_LEVELS],
    ['AppStore', APP_STORES],
    ['CrawlErrorKind', CRAWL_ERROR_KINDS],
    ['EvidenceSource', EVIDENCE_SOURCES],
    ['FindingStatus', FINDING_STATUSES],
    ['PlatformKind', PLATFORM_KINDS],
    ['Role', ROLES],
    ['ScoreResult', SCORE_RESULTS],
  ] as const)('%s', (name, values) => {
    expect([...values].sort()).toEqual(Object.values(prismaEnums[name]).sort());
  });
});
