import { z } from 'zod';
import { CRAWL_COLUMNS, crawlConfigFromColumns, type CrawlColumnValues } from './account-crawl-columns';
import { filingStatusSchema, platformCodeSchema } from './enums';
import { importRow } from './text';

// One row of an account registration file (CSV or XLSX), shared by the CLI and the dashboard import.

export const ACCOUNT_IMPORT_COLUMNS = [
  'agency_code',
  'platform',
  'handle',
  'display_name',
  'url',
  'filing_number',
  'filing_status',
  'opened_at',
  ...CRAWL_COLUMNS,
] as const;
export type AccountImportColumn = (typeof ACCOUNT_IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly AccountImportColumn[] = [
  'agency_code',
  'platform',
  'handle',
  'display_name',
];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

const SHANGHAI_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A plain YYYY-MM-DD is a Shanghai calendar day; anything else must be a full ISO instant. */
const openedAtSchema = z.preprocess(
  blankToUndefined,
  z
    .union([z.date(), z.string().trim()])
    .transform((v, ctx) => {
      if (v instanceof Date) return v;
      const day = SHANGHAI_DAY.exec(v.replaceAll('/', '-'));
      const parsed = day ? new Date(`${day[1]}-${day[2]}-${day[3]}T00:00:00+08:00`) : new Date(v);
      if (Number.isNaN(parsed.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'validation.importDate' });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
);

export const accountImportRowSchema = importRow(
  z
    .object({
      agency_code: z.string().trim().min(1, 'Required').max(64),
      platform: z.string().trim().toUpperCase().pipe(platformCodeSchema),
      handle: z.string().trim().min(1, 'Required').max(200),
      display_name: z.string().trim().min(1, 'Required').max(200),
      url: z.preprocess(
        blankToUndefined,
        z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
      ),
      filing_number: optionalText(100),
      filing_status: z.preprocess(
        (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
        filingStatusSchema.default('UNFILED'),
      ),
      opened_at: openedAtSchema,
      ...Object.fromEntries(CRAWL_COLUMNS.map((c) => [c, optionalText(2000)])),
    })
    .transform((row, ctx) => {
      const values: CrawlColumnValues = Object.fromEntries(
        CRAWL_COLUMNS.map((c) => [c, (row as Record<string, unknown>)[c]]).filter(([, v]) => typeof v === 'string'),
      );
      const built = crawlConfigFromColumns(row.platform, row.handle, values);
      if ('issues' in built) {
        for (const issue of built.issues)
          ctx.addIssue({ code: 'custom', path: [issue.column], message: issue.message, params: issue.params });
        return z.NEVER;
      }
      const { agency_code, platform, handle, display_name, url, filing_number, filing_status, opened_at } = row;
      return {
        agency_code,
        platform,
        handle,
        display_name,
        url,
        filing_number,
        filing_status,
        opened_at,
        crawlConfig: built.config,
      };
    }),
);
export type AccountImportRow = z.infer<typeof accountImportRowSchema>;

/** `row` is the spreadsheet row number (header = 1); `column` is null for whole-row or file problems. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const accountImportPreviewRowSchema = z.object({
  row: z.number().int(),
  agencyCode: z.string(),
  platform: platformCodeSchema,
  handle: z.string(),
  displayName: z.string(),
  url: z.string().nullable(),
  filingNumber: z.string().nullable(),
  filingStatus: filingStatusSchema,
  openedAt: z.string().nullable(),
  /** The account.crawl_config built from the crawl columns ({} when none is filled). */
  crawlConfig: z.record(z.string(), z.unknown()),
});
export type AccountImportPreviewRow = z.infer<typeof accountImportPreviewRowSchema>;

export const accountImportPreviewSchema = z.object({
  rows: z.array(accountImportPreviewRowSchema),
  errors: z.array(importRowErrorSchema),
  /** Rows holding U+FFFD (text broken before upload): the dashboard will not import such a file. */
  suspectRows: z.array(z.number().int()).default([]),
});
export type AccountImportPreview = z.infer<typeof accountImportPreviewSchema>;
