import { randomBytes } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { importAccounts } from '@/lib/services/import-accounts';
import { importAgencies } from '@/lib/services/import-agencies';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

// Issue 13 "Also": imports are all or nothing — whatever mix of good and broken rows a file holds, either every row
// is written or none is, and a refusal is a validation error (never a 500, never half a file).
let t: TestDatabase;
let agencyCode: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const agency = await createTestAgency(t.db);
  agencyCode = `AG${randomBytes(4).toString('hex')}`;
  await t.db.agency.update({ where: { id: agency.id }, data: { code: agencyCode } });
});
afterAll(async () => t.drop());

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const junk = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('\u0000', '\ud800', '\uFFFD', 'javascript:alert(1)', '2023-13-45', ''),
);

let serial = 0;
const accountRow = fc
  .record({
    good: fc.boolean(),
    platform: fc.constantFrom('WEIBO', 'weibo', '微博', 'WECHAT', 'DOUYIN'),
    name: fc.oneof(fc.constantFrom('江川发布', '江川公安'), junk),
    url: fc.oneof(fc.constantFrom('', 'https://weibo.com/x'), junk),
    opened: fc.oneof(fc.constantFrom('', '2023-05-01'), junk),
    agency: fc.constantFrom('OWN', 'NOPE', ''),
  })
  .map((r) => {
    serial += 1;
    const handle = `fz${serial}${randomBytes(3).toString('hex')}`;
    return r.good
      ? [agencyCode, r.platform, handle, '江川发布', '', '', '', '2023-05-01']
      : [r.agency === 'OWN' ? agencyCode : r.agency, r.platform, handle, r.name, r.url, '', '', r.opened];
  });

describe('imports are all or nothing under random files', () => {
  it('accounts: either every row or no row is written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountRow, { minLength: 1, maxLength: 8 }), async (rows) => {
        const text = [
          'agency_code,platform,handle,display_name,url,filing_number,filing_status,opened_at',
          ...rows.map((r) => r.map((c) => quote(String(c))).join(',')),
        ].join('\r\n');
        const before = await t.db.account.count();
        const outcome = await importAccounts({
          db: t.db,
          file: { name: 'fuzz.csv', bytes: new TextEncoder().encode(text) },
        }).then(
          (r) => r.imported,
          (e: unknown) => {
            if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
            return 0;
          },
        );
        const written = (await t.db.account.count()) - before;
        expect(written).toBe(outcome);
        expect([0, rows.length]).toContain(written);
      }),
      { numRuns: 25 },
    );
  });

  it('agencies: either every row or no row is written', async () => {
    const row = fc
      .record({
        good: fc.boolean(),
        name: junk,
        level: fc.constantFrom('PROVINCE', 'CITY', 'COUNTY', 'county', '县级', 'X'),
        parent: fc.constantFrom('OWN', 'NOPE', ''),
      })
      .map((r) => {
        serial += 1;
        const code = `FZ${serial}${randomBytes(2).toString('hex')}`;
        return r.good
          ? [code, `单位${serial}`, 'COUNTY', agencyCode]
          : [code, r.name, r.level, r.parent === 'OWN' ? agencyCode : r.parent];
      });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        const text = ['code,name,level,parent_code', ...rows.map((r) => r.map((c) => quote(String(c))).join(','))].join(
          '\n',
        );
        const before = await t.db.agency.count();
        await importAgencies({
          db: t.db,
          file: { name: 'fuzz.csv', bytes: new TextEncoder().encode(text) },
        } as Parameters<typeof importAgencies>[0]).catch((e: unknown) => {
          if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
        });
        expect([0, rows.length]).toContain((await t.db.agency.count()) - before);
      }),
      { numRuns: 20 },
    );
  });
});
