import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { findEditionByCode } from '@/lib/data/editions';
import { cloneEditionDraft } from '@/lib/services/clone-edition';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { publishEdition } from '@/lib/services/publish-edition';
import { runInspection } from '@/lib/services/run-inspection';
import { updateEditionDraft } from '@/lib/services/update-edition-draft';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let agencyId: string;
let admin: Access;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  admin = {
    userId: 'admin-1',
    name: 'a',
    email: 'a@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId, agencyName: '' }],
  };
});
afterAll(async () => t.drop());

describe('indicator editions are data admins edit', () => {
  it('clone → edit (validated per field) → publish; published editions never change; drafts cannot score', async () => {
    const national = await findEditionByCode(t.db, 'national-2019');
    const supervisor: Access = { ...admin, grants: [{ role: 'SUPERVISOR', agencyId, agencyName: '' }] };
    await expect(
      cloneEditionDraft({ access: supervisor, input: { baseId: national?.id, code: 'x-1', name: 'x' }, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const draft = await cloneEditionDraft({
      access: admin,
      input: { baseId: national?.id, code: 'strict-2027', name: '严格版' },
      db: t.db,
    });
    await expect(
      cloneEditionDraft({
        access: admin,
        input: { baseId: national?.id, code: 'strict-2027', name: 'again' },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(
      updateEditionDraft({
        access: admin,
        input: { id: draft.id, name: '严格版', values: { passMark: 160 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { passMark: ['too_big:100'] } });
    await expect(
      updateEditionDraft({
        access: admin,
        input: { id: draft.id, name: '严格版', values: { 'veto.V2.windowDays': 7.5, 'D10.points': -1 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { 'veto.V2.windowDays': ['not_integer'], 'D10.points': ['too_small:0'] },
    });
    await expect(
      updateEditionDraft({
        access: admin,
        input: { id: draft.id, name: '严格版', values: { 'D1.nope': 1 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const saved = await updateEditionDraft({
      access: admin,
      input: { id: draft.id, name: '严格版', values: { passMark: 80, 'veto.V2.windowDays': 7, 'D10.enabled': false } },
      db: t.db,
    });
    expect(saved.changed).toBe(3);
    const stored = await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.catalogue).toMatchObject({
      code: 'strict-2027',
      passMark: 80,
      veto: { V2: { windowDays: 7 } },
      D10: { enabled: false },
    });
    expect(await t.db.auditLog.findFirst({ where: { action: 'edition.update', entityId: draft.id } })).toMatchObject({
      before: { passMark: 60 },
      after: { passMark: 80 },
    });

    await expect(
      createInspection({
        access: null,
        input: { name: '草稿', monitoringAt: NOW, scopeAgencyId: agencyId, scope: 'TREE', editionCode: 'strict-2027' },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      updateEditionDraft({
        access: supervisor,
        input: { id: draft.id, name: 'x', values: { passMark: 10 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      publishEdition({ access: supervisor, input: { id: draft.id }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await publishEdition({ access: admin, input: { id: draft.id }, now: NOW, db: t.db });
    await expect(publishEdition({ access: admin, input: { id: draft.id }, now: NOW, db: t.db })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // An edit of a published edition becomes a new draft version; the published one stays as it was.
    await expect(
      updateEditionDraft({
        access: admin,
        input: { id: draft.id, name: '严格版', values: { passMark: 80 } },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { values: ['no_changes'] } });
    const revised = await updateEditionDraft({
      access: admin,
      input: { id: draft.id, name: '严格版 第二版', values: { passMark: 70 } },
      db: t.db,
    });
    expect(revised).toMatchObject({ newVersion: 'strict-2027-v2', changed: 1 });
    expect(revised.id).not.toBe(draft.id);
    expect(await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: 'PUBLISHED',
      name: '严格版',
      catalogue: { passMark: 80 },
    });
    expect(await t.db.indicatorEdition.findUniqueOrThrow({ where: { id: revised.id } })).toMatchObject({
      code: 'strict-2027-v2',
      status: 'DRAFT',
      basedOnId: draft.id,
      catalogue: { code: 'strict-2027-v2', passMark: 70, veto: { V2: { windowDays: 7 } } },
    });
    expect(await t.db.auditLog.findFirst({ where: { action: 'edition.revise', entityId: revised.id } })).toMatchObject({
      before: { code: 'strict-2027', passMark: 80 },
      after: { code: 'strict-2027-v2', passMark: 70 },
    });
    await publishEdition({ access: admin, input: { id: revised.id }, now: NOW, db: t.db });
    const third = await updateEditionDraft({
      access: admin,
      input: { id: revised.id, name: '严格版 第三版', values: { passMark: 75 } },
      db: t.db,
    });
    expect(third.newVersion).toBe('strict-2027-v3');
  });

  it('the same account scores differently under the edited edition while the national result stays', async () => {
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
            platformPostId: 'p9',
            text: '政务信息发布',
            publishedAt: new Date(NOW.getTime() - 10 * DAY),
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
    const scoreWith = async (editionCode: string) => {
      const { id } = await createInspection({
        access: null,
        input: { name: editionCode, monitoringAt: NOW, scopeAgencyId: agencyId, scope: 'TREE', editionCode },
        db: t.db,
      });
      await runInspection({ db: t.db, inspectionId: id, now: NOW });
      return t.db.score.findUniqueOrThrow({
        where: { inspectionId_accountId: { inspectionId: id, accountId: account.id } },
      });
    };
    const national = await scoreWith('national-2019');
    const strict = await scoreWith('strict-2027');
    // Silent for 10 days: within national-2019's 14-day V2 window, a veto under the 7-day edition.
    expect(national.vetoCodes).not.toContain('V2');
    expect(strict.vetoCodes).toContain('V2');
    expect(national.result).toBe('PASS');
    expect(strict.result).toBe('FAIL_VETO');
    // Each inspection keeps its own edition and result: the later run did not overwrite the earlier one.
    expect(await t.db.score.findUniqueOrThrow({ where: { id: national.id } })).toMatchObject({
      result: 'PASS',
      total: national.total,
      editionId: national.editionId,
    });
    expect(national.editionId).not.toBe(strict.editionId);
    expect(await t.db.finding.count({ where: { inspectionId: national.inspectionId, indicatorCode: 'V2' } })).toBe(0);
  });
});
