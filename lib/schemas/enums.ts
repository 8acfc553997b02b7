import { z } from 'zod';
import { PLATFORM_LIST, type PlatformCode } from '@/lib/platforms';

// Mirrors of Prisma enums kept as `as const` arrays so client bundles never import the generated client.
// tests/unit/schemas/enums.test.ts checks they stay equal to the Prisma enums.

/** Every platform code, in the order of the client-safe platform list (lib/platforms.ts, which also names them). */
export const PLATFORM_CODES = PLATFORM_LIST.map((p) => p.code) as readonly PlatformCode[];
export const platformCodeSchema = z.enum(PLATFORM_CODES);
export type { PlatformCode };

export const AGENCY_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'DEPARTMENT'] as const;
export const agencyLevelSchema = z.enum(AGENCY_LEVELS);
export type AgencyLevel = z.infer<typeof agencyLevelSchema>;

export const FILING_STATUSES = ['UNFILED', 'PENDING', 'FILED', 'REVOKED'] as const;
export const filingStatusSchema = z.enum(FILING_STATUSES);

export const ACCOUNT_LIFECYCLES = ['OPEN', 'CHANGED', 'CLOSED'] as const;
export const accountLifecycleSchema = z.enum(ACCOUNT_LIFECYCLES);

export const CRAWL_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'] as const;

export const CRAWL_ERROR_KINDS = [
  'RATE_LIMITED',
  'LOGIN_WALL',
  'NOT_FOUND',
  'DELETED',
  'BLOCKED',
  'AUTH',
  'HTTP',
  'PARSE',
  'NETWORK',
  'TIMEOUT',
  'SSRF_REFUSED',
  'CIRCUIT_OPEN',
  'INTERNAL',
] as const;
export const crawlErrorKindSchema = z.enum(CRAWL_ERROR_KINDS);
export type CrawlErrorKind = z.infer<typeof crawlErrorKindSchema>;

export const APP_STORES = ['APP_STORE', 'HUAWEI', 'YINGYONGBAO', 'XIAOMI'] as const;
export const appStoreSchema = z.enum(APP_STORES);
export type AppStoreCode = z.infer<typeof appStoreSchema>;

export const FINDING_STATUSES = ['SUSPECTED', 'CONFIRMED', 'DISMISSED', 'RECTIFIED'] as const;
export const findingStatusSchema = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

export const SCORE_RESULTS = ['PASS', 'FAIL_SCORE', 'FAIL_VETO', 'AT_RISK', 'INSUFFICIENT_DATA'] as const;
export const scoreResultSchema = z.enum(SCORE_RESULTS);
export type ScoreResult = z.infer<typeof scoreResultSchema>;

export const ROLES = ['ADMIN', 'SUPERVISOR', 'AUDITOR'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const EVIDENCE_SOURCES = [
  'POST',
  'COMMENT',
  'SNAPSHOT',
  'APP_RELEASE',
  'STORE_LISTING',
  'LINK_CHECK',
  'ACCOUNT',
  'COVERAGE',
  'REPOST_TASK',
] as const;
export const evidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
