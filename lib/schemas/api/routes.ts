import { z } from 'zod';
import { EXPORT_ROLES, READ_ROLES } from '@/lib/access';
import type { Role } from '@/lib/schemas/enums';
import { exportQuerySchema } from '@/lib/schemas/export';
import {
  accountItemSchema,
  accountScoresSchema,
  accountsQuerySchema,
  agenciesQuerySchema,
  agencyItemSchema,
  agencyScorecardSchema,
  alertItemSchema,
  alertsQuerySchema,
  findingsPageApiSchema,
  findingsQuerySchema,
  inspectionItemSchema,
  inspectionsQuerySchema,
  overviewSchema,
  rectificationItemSchema,
  rectificationsQuerySchema,
  scoreItemSchema,
  scoresQuerySchema,
  exportAcceptedSchema,
  exportJobApiSchema,
  findingRawSchema,
  rawHashParamSchema,
} from './resources';
import { pageOf } from './common';

/**
 * Every operation of /api/v1, described once: the route handlers parse with these schemas and the OpenAPI document
 * (openapi-document.ts) is generated from them. tests/integration/api/openapi.test.ts checks that each route file
 * under app/api/v1 is listed here and in the document.
 */
export type ApiOperation = {
  method: 'get' | 'post';
  /** OpenAPI path below /api/v1, `{id}` for a path parameter. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  roles: readonly Role[] | null;
  pathParams?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A JSON answer's schema, or the media types of a file answer. */
  response: z.ZodType | { files: string[] };
  /** A 202 answer instead (the work was queued): its description and JSON schema. */
  accepted?: { description: string; schema: z.ZodType };
  /** A 409 answer and when it happens. */
  conflict?: string;
};

const idParam = z.object({ id: z.uuid() });
const FILES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/overview',
    operationId: 'getOverview',
    tag: 'figures',
    roles: READ_ROLES,
    summary: "Figures of the caller's scope",
    description:
      "Pass rate, vetoes, zombie accounts, accounts past or near the update limit — the overview page's figures (docs/figures.md).",
    response: overviewSchema,
  },
  {
    method: 'get',
    path: '/agencies',
    operationId: 'listAgencies',
    tag: 'agencies',
    roles: READ_ROLES,
    summary: 'Agencies in scope',
    query: agenciesQuerySchema,
    response: pageOf(agencyItemSchema),
  },
  {
    method: 'get',
    path: '/agencies/{id}',
    operationId: 'getAgencyScorecard',
    tag: 'agencies',
    roles: READ_ROLES,
    summary: "An agency's scorecard",
    description: 'Child subtrees with their result figures, own accounts with their latest result and reported score.',
    pathParams: idParam,
    response: agencyScorecardSchema,
  },
  {
    method: 'get',
    path: '/accounts',
    operationId: 'listAccounts',
    tag: 'accounts',
    roles: READ_ROLES,
    summary: 'Accounts in scope',
    query: accountsQuerySchema,
    response: pageOf(accountItemSchema),
  },
  {
    method: 'get',
    path: '/accounts/{id}/scores',
    operationId: 'getAccountScores',
    tag: 'scores',
    roles: READ_ROLES,
    summary: "An account's scores per finished inspection, latest first",
    pathParams: idParam,
    response: accountScoresSchema,
  },
  {
    method: 'get',
    path: '/inspections',
    operationId: 'listInspections',
    tag: 'inspections',
    roles: READ_ROLES,
    summary: "Inspections scoped inside the caller's scope",
    query: inspectionsQuerySchema,
    response: pageOf(inspectionItemSchema),
  },
  {
    method: 'get',
    path: '/scores',
    operationId: 'listScores',
    tag: 'scores',
    roles: READ_ROLES,
    summary: 'Scores of finished inspections',
    description:
      'Each score through the figures reader: result, reported score (通报得分), total, bonus, indicators, coverage.',
    query: scoresQuerySchema,
    response: pageOf(scoreItemSchema),
  },
  {
    method: 'get',
    path: '/findings',
    operationId: 'listFindings',
    tag: 'findings',
    roles: READ_ROLES,
    summary: 'Findings with their evidence',
    description: "The review queue's order: vetoes first, newest first; 25 per page.",
    query: findingsQuerySchema,
    response: findingsPageApiSchema,
  },
  {
    method: 'get',
    path: '/findings/{id}/raw',
    operationId: 'listFindingRaw',
    tag: 'findings',
    roles: READ_ROLES,
    summary: "The archived platform answers behind a finding's evidence",
    pathParams: idParam,
    response: findingRawSchema,
  },
  {
    method: 'get',
    path: '/raw/{hash}',
    operationId: 'getRawAnswer',
    tag: 'findings',
    roles: READ_ROLES,
    summary: 'One archived platform answer as received (a download)',
    pathParams: rawHashParamSchema,
    response: { files: ['application/octet-stream'] },
  },
  {
    method: 'get',
    path: '/rectifications',
    operationId: 'listRectifications',
    tag: 'rectifications',
    roles: READ_ROLES,
    summary: 'Rectifications (整改) in scope',
    query: rectificationsQuerySchema,
    response: pageOf(rectificationItemSchema),
  },
  {
    method: 'get',
    path: '/alerts',
    operationId: 'listAlerts',
    tag: 'alerts',
    roles: READ_ROLES,
    summary: 'Alerts of accounts in scope',
    query: alertsQuerySchema,
    response: pageOf(alertItemSchema),
  },
  {
    method: 'post',
    path: '/exports',
    operationId: 'createExport',
    tag: 'exports',
    roles: EXPORT_ROLES,
    summary: 'A quarterly notice or annual report: the file, or a background job for a large scope',
    description:
      'Within EXPORT_DIRECT_MAX_ACCOUNTS registered accounts (default 300) in the subtree the file is rendered at once ' +
      'and is the answer (PDF takes a few seconds). A larger scope is queued as an export job, as on the exports page: ' +
      '202 with the job, `Location` = its status URL; poll it and download `fileUrl` when `status` is DONE.',
    body: exportQuerySchema,
    response: { files: FILES },
    accepted: { description: 'Queued as a background export job (large scope)', schema: exportAcceptedSchema },
    conflict: 'The caller already has 3 export jobs queued or running',
  },
  {
    method: 'get',
    path: '/export-jobs/{id}',
    operationId: 'getExportJob',
    tag: 'exports',
    roles: EXPORT_ROLES,
    summary: "One of the caller's background exports with its progress",
    description:
      'QUEUED, RUNNING (stepsDone of stepsTotal), DONE (with fileUrl, kept 7 days) or FAILED (with a localized error). ' +
      "Only the caller's own jobs; another user's, an expired or a missing job is a 404.",
    pathParams: idParam,
    response: exportJobApiSchema,
  },
  {
    method: 'get',
    path: '/export-jobs/{id}/file',
    operationId: 'getExportJobFile',
    tag: 'exports',
    roles: EXPORT_ROLES,
    summary: 'The file of a finished background export (a download)',
    pathParams: idParam,
    response: { files: [...FILES, 'application/zip'] },
    conflict: 'The job is not done yet',
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    roles: null,
    summary: 'This document',
    response: z.record(z.string(), z.unknown()),
  },
];

export const API_BASE_PATH = '/api/v1';
