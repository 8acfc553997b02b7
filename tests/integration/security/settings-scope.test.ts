import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { findEditionByCode } from '@/lib/data/editions';
import { cloneEditionDraft } from '@/lib/services/clone-edition';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { getEditionInForce } from '@/lib/services/get-edition-in-force';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { addLexiconTerm, getLexiconWithEntries, listLexicons, toggleLexiconTerm } from '@/lib/services/manage-lexicons';
import { publishEdition } from '@/lib/services/publish-edition';
import { runInspection } from '@/lib/services/run-inspection';
import { updateEditionDraft } from '@/lib/services/update-edition-draft';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Issue 13 item 6: a county admin disabled a province-wide lexicon term; editions had the same gap.
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let province: string;
let county: string;
let sibling: string;
const admin = (agencyId: string, userId: string): Access => ({
  userId,
  name: userId,
  email: `${userId}@x`,
  locale: 'zh-CN',
  grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
});

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  province = (await createTestAgency(t.db, { level: 'PROVINCE' })).id;
  county = (await createTestAgency(t.db, { parentId: province, level: 'COUNTY' })).id;
  sibling = (await createTestAgency(t.db, { parentId: province, level: 'COUNTY' })).id;
});
afterAll(async () => t.drop());

async function accountPosting(agencyId: string, text: string) {
  const account = await createTestAccount(t.db, agencyId);
  await ingestSnapshot(
    t.db,
    {
      accountId: account.id,
      platform: 'WEIBO',
      fetchedAt: NOW,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: [
        {
          platformPostId: `p-${account.id}`,
          text,
          publishedAt: new Date(NOW.getTime() - DAY),
          isPinned: false,
          isRepost: false,
          links: [],
          comments: [],
        },
      ],
      coverage: { from: new Date(NOW.getTime() - 40 * DAY), to: NOW },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: NOW },
  );
  return account;
}

describe('lexicon terms belong to an agency', () => {
  it('a county admin cannot disable a province-wide term; their own term is local and scores only their subtree', async () => {
    const prohibited = (await listLexicons({ db: t.db })).find((l) => l.code === 'prohibited');
    if (!prohibited) throw new Error('starter lexicon missing');
    const provinceTerm = await t.db.lexiconEntry.findFirstOrThrow({
      where: { lexiconId: prohibited.id, agencyId: null, isActive: true },
    });

    // The attack: the county admin switches off a province-wide term.
    await expect(
      toggleLexiconTerm({
        access: admin(county, 'county-admin'),
        input: { entryId: provinceTerm.id, isActive: false },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'lexiconTermOutOfScope' });
    expect((await t.db.lexiconEntry.findUniqueOrThrow({ where: { id: provinceTerm.id } })).isActive).toBe(true);

    // The county adds its own term: a local term of the county.
    const added = await addLexiconTerm({
      access: admin(county, 'county-admin'),
      input: { lexiconId: prohibited.id, term: '青蛙跳' },
      db: t.db,
    });
    expect(added.agencyId).toBe(county);
    const inCounty = await accountPosting(county, '今天发布一条含有暗语青蛙跳的内容');
    const inSibling = await accountPosting(sibling, '今天也发布一条含有暗语青蛙跳的内容');
    const { id } = await createInspection({
      access: null,
      input: { name: '全省', monitoringAt: NOW, scopeAgencyId: province, scope: 'TREE', editionCode: 'national-2019' },
      db: t.db,
    });
    await runInspection({ db: t.db, inspectionId: id, now: NOW });
    const hits = await t.db.finding.findMany({
      where: { inspectionId: id, matchedText: '青蛙跳' },
      select: { accountId: true },
    });
    expect(hits.map((h) => h.accountId)).toEqual([inCounty.id]);
    expect(inSibling.id).not.toBe(inCounty.id);

    // The sibling county neither sees nor changes it; the province admin does both.
    const local = await t.db.lexiconEntry.findFirstOrThrow({
      where: { lexiconId: prohibited.id, agencyId: county, term: '青蛙跳' },
    });
    await expect(
      toggleLexiconTerm({
        access: admin(sibling, 'sibling-admin'),
        input: { entryId: local.id, isActive: false },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const siblingView = await getLexiconWithEntries({
      id: prohibited.id,
      access: admin(sibling, 'sibling-admin'),
      db: t.db,
    });
    expect(siblingView.entries.some((e) => e.id === local.id)).toBe(false);
    expect(siblingView.entries.find((e) => e.id === provinceTerm.id)).toMatchObject({ canChange: false });
    const countyView = await getLexiconWithEntries({
      id: prohibited.id,
      access: admin(county, 'county-admin'),
      db: t.db,
    });
    expect(countyView.entries.find((e) => e.id === local.id)).toMatchObject({
      canChange: true,
      agencyName: expect.any(String),
    });
    await toggleLexiconTerm({
      access: admin(province, 'province-admin'),
      input: { entryId: local.id, isActive: false },
      db: t.db,
    });
    expect((await t.db.lexiconEntry.findUniqueOrThrow({ where: { id: local.id } })).isActive).toBe(false);

    // A province admin's term is lexicon-wide; a county may add the same term locally without a duplicate error.
    const wide = await addLexiconTerm({
      access: admin(province, 'province-admin'),
      input: { lexiconId: prohibited.id, term: '蛤蟆跳' },
      db: t.db,
    });
    expect(wide.agencyId).toBeNull();
    await addLexiconTerm({
      access: admin(county, 'county-admin'),
      input: { lexiconId: prohibited.id, term: '蛤蟆跳' },
      db: t.db,
    });
    expect(await t.db.lexiconEntry.count({ where: { lexiconId: prohibited.id, term: '蛤蟆跳' } })).toBe(2);
    await addLexiconTerm({
      access: admin(province, 'province-admin'),
      input: { lexiconId: prohibited.id, term: '蛤蟆跳' },
      db: t.db,
    });
    expect(await t.db.lexiconEntry.count({ where: { lexiconId: prohibited.id, term: '蛤蟆跳' } })).toBe(2);
  });
});

describe('indicator editions belong to an agency', () => {
  it('a county admin cannot change or publish the province edition; their clone is theirs and never the edition in force', async () => {
    const national = await findEditionByCode(t.db, 'national-2019');
    if (!national) throw new Error('national-2019 missing');
    const countyAdmin = admin(county, 'county-admin');
    const provinceAdmin = admin(province, 'province-admin');

    // The attack: editing the province's edition (it would become a new province-wide version).
    await expect(
      updateEditionDraft({
        access: countyAdmin,
        input: { id: national.id, name: '改', values: { passMark: 10 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'editionOutOfScope' });
    const provinceDraft = await cloneEditionDraft({
      access: provinceAdmin,
      input: { baseId: national.id, code: 'province-2027', name: '省版' },
      db: t.db,
    });
    await expect(
      updateEditionDraft({
        access: countyAdmin,
        input: { id: provinceDraft.id, name: '省版', values: { passMark: 10 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      publishEdition({ access: countyAdmin, input: { id: provinceDraft.id }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: provinceDraft.id } })).status).toBe('DRAFT');

    // The county's own clone: it edits and publishes it; the province admin (an ancestor) may edit it too.
    const countyDraft = await cloneEditionDraft({
      access: countyAdmin,
      input: { baseId: national.id, code: 'county-2027', name: '县版' },
      db: t.db,
    });
    expect((await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: countyDraft.id } })).ownerAgencyId).toBe(
      county,
    );
    await updateEditionDraft({
      access: provinceAdmin,
      input: { id: countyDraft.id, name: '县版', values: { passMark: 70 } },
      db: t.db,
    });
    await expect(
      updateEditionDraft({
        access: admin(sibling, 'sibling-admin'),
        input: { id: countyDraft.id, name: '县版', values: { passMark: 50 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await publishEdition({
      access: countyAdmin,
      input: { id: countyDraft.id },
      now: new Date(NOW.getTime() + DAY),
      db: t.db,
    });
    // Revising the county's published edition keeps the county as owner.
    const revised = await updateEditionDraft({
      access: countyAdmin,
      input: { id: countyDraft.id, name: '县版二', values: { passMark: 75 } },
      db: t.db,
    });
    expect((await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: revised.id } })).ownerAgencyId).toBe(county);

    // Published later than national-2019, yet the province's edition in force stays the root's.
    expect((await getEditionInForce({ db: t.db })).code).toBe('national-2019');
    // It scores the county's inspections, never the province's nor a sibling's.
    const inspect = (scopeAgencyId: string) =>
      createInspection({
        access: null,
        input: { name: '县版检查', monitoringAt: NOW, scopeAgencyId, scope: 'TREE', editionCode: 'county-2027' },
        db: t.db,
      });
    await expect(inspect(province)).rejects.toMatchObject({ code: 'VALIDATION', key: 'editionNotApplicable' });
    await expect(inspect(sibling)).rejects.toMatchObject({ code: 'VALIDATION', key: 'editionNotApplicable' });
    expect((await inspect(county)).id).toEqual(expect.any(String));
  });
});
