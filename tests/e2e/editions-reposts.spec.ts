import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { shanghaiWallClock } from '@/lib/time';
import { expectPickedAgency, pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveDesktopAndPhoneScreenshots, saveScreenshot } from './helpers/screenshot';

const DAY = 86_400_000;
/** `datetime-local` value in Asia/Shanghai, the browser's zone in these specs. */
const local = (d: Date) => shanghaiWallClock(d).toISOString().slice(0, 16);

test('[ADMIN] clones national-2019, changes the pass mark, publishes it and runs an inspection with it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, 'admin');
  await page.goto('/admin');
  await page.locator('a[href="/admin/editions"]').click();
  await expect(page).toHaveURL(/\/admin\/editions$/);
  await expect(page.getByRole('row', { name: /^national-2019 / })).toContainText('已发布');
  const stamp = Date.now() % 100000;
  const code = `e2e-pass-${stamp}`;
  // Names as an office types them (no Latin): words-not-codes.spec.ts reads every page afterwards.
  const name = `江川严格版 第${stamp}号`;
  await page.getByLabel('版本代码').fill('national-2019');
  await page.getByLabel('名称').fill('重复代码');
  await page.getByRole('button', { name: '复制为新版本' }).click();
  await expect(page.getByText('该版本代码已被使用')).toBeVisible();
  await page.getByLabel('版本代码').fill(code);
  await page.getByLabel('名称').fill(name);
  await page.getByRole('button', { name: '复制为新版本' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Row-level validation: the wrong inputs are marked and explained, nothing is saved.
  await page.getByLabel('合格分').fill('150');
  await page.getByLabel('否决后记分').fill('-1');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByLabel('合格分')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('不能大于 100')).toBeVisible();
  await expect(page.getByText('不能小于 0')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('有 2 项填写有误');
  await saveScreenshot(page, 'edition-draft-errors');

  await page.getByLabel('合格分').fill('95');
  await page.getByLabel('否决后记分').fill('59');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toContainText('已保存（1 项变更）');
  await expect(page.getByText('与 national-2019 相比改动 1 项')).toBeVisible();
  await expect(page.getByText('national-2019：60')).toBeVisible();
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已发布的版本不可修改')).toBeVisible();
  await saveScreenshot(page, 'edition-published');

  // An edit after publishing becomes a new draft version; the published edition stays as it was.
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '没有改动，无需生成新版本' })).toBeVisible();
  await page.getByLabel('合格分').fill('90');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('status')).toContainText(`已根据 ${code} 生成新版本草稿 ${code}-v2`);
  await expect(page.getByLabel('合格分')).toHaveValue('90');
  await expect(page.getByText(`与 ${code} 相比改动 1 项`)).toBeVisible();
  await page.goto('/admin/editions');
  await expect(page.getByRole('row').filter({ hasText: `${code}-v2` })).toContainText('草稿');
  await saveScreenshot(page, 'edition-list-versions');

  await page.goto('/inspections');
  const form = page.getByRole('form', { name: '发起检查' });
  const editionSelect = form.getByRole('combobox', { name: '指标版本' });
  // Only published editions can score: the new draft version is not offered.
  await expect(editionSelect.locator(`option[value="${code}-v2"]`)).toHaveCount(0);
  const inspectionName = `严格版检查 第${stamp}号`;
  await form.getByLabel('名称').fill(inspectionName);
  // The seeded inspection's monitoring time: the same accounts read through the same moment, so the two editions are
  // compared on the same facts. A later time (now) would find every account unread since the seed's last crawl, and
  // silence would only be suspected (docs/scoring.md "Read up to when").
  const seedDb = e2eDb();
  const seededAt = await seedDb.inspection
    .findFirstOrThrow({ where: { edition: { code: 'national-2019' } }, orderBy: { createdAt: 'asc' } })
    .then((i) => i.monitoringAt)
    .finally(() => seedDb.$disconnect());
  await form.getByLabel('监测时间点').fill(local(seededAt));
  // Editions are offered by name (issue 14: no codes in the UI); the value is the code.
  await editionSelect.selectOption({ label: name });
  await form.getByRole('button', { name: '发起' }).click();
  const row = page.getByRole('row').filter({ hasText: inspectionName });
  await expect(row).toContainText(name);
  await expect(row).toContainText('排队中');

  // The worker's part: score the queued inspection.
  const db = e2eDb();
  try {
    const inspection = await db.inspection.findFirstOrThrow({
      where: { name: inspectionName },
      select: { id: true, edition: { select: { code: true } } },
    });
    expect(inspection.edition.code).toBe(code);
    const run = spawnSync('npx', ['tsx', 'tests/e2e/helpers/score-inspection.ts', inspection.id], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ accounts: expect.any(Number) });
    expect(await db.score.count({ where: { inspectionId: inspection.id } })).toBeGreaterThan(0);
    // Same accounts, same data: the 95-point pass mark passes fewer of them than national-2019 did, whose scores stay.
    const seeded = await db.inspection.findFirstOrThrow({
      where: { edition: { code: 'national-2019' } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    const passes = (inspectionId: string) => db.score.count({ where: { inspectionId, result: 'PASS' } });
    expect(await passes(inspection.id)).toBeLessThan(await passes(seeded.id));
  } finally {
    await db.$disconnect();
  }
  await page.reload();
  await expect(row).toContainText('已完成');
  await saveScreenshot(page, 'inspection-with-edition');
});

test('[SUPERVISOR] issues a reposting task to a subtree and sees reposted, missed and not-yet-due targets', async ({
  page,
}) => {
  const db = e2eDb();
  let anchor: { term: string; displayName: string };
  let seedNow: Date;
  let scopeName: string;
  try {
    const grant = await db.roleGrant.findFirstOrThrow({
      where: { role: 'SUPERVISOR', user: { email: 'supervisor@demo.xunjian.local' } },
      select: { agencyId: true, agency: { select: { name: true } } },
    });
    scopeName = grant.agency.name;
    seedNow = (await db.inspection.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, select: { monitoringAt: true } }))
      .monitoringAt;
    // Wording one of the supervisor's Weibo/WeChat accounts really published in the task's window (and as few
    // others as possible, templated notices are common) becomes the match term.
    const posts = await db.post.findMany({
      where: {
        publishedAt: {
          gte: new Date(seedNow.getTime() - 5 * DAY),
          lte: new Date(seedNow.getTime() - 3 * DAY - 60_000),
        },
        account: {
          lifecycle: { not: 'CLOSED' },
          platformCode: { in: ['WEIBO', 'WECHAT'] },
          agency: { OR: [{ id: grant.agencyId }, { ancestorIds: { has: grant.agencyId } }] },
        },
      },
      select: { text: true, accountId: true, account: { select: { displayName: true } } },
    });
    const candidates = posts
      .map((p) => ({
        term: (
          p.text
            .split(/[\n,，]/)
            .map((x) => x.trim())
            .sort((a, b) => b.length - a.length)[0] ?? ''
        ).slice(0, 24),
        displayName: p.account.displayName,
      }))
      .filter((c) => c.term.length >= 4);
    const reach = (term: string) => new Set(posts.filter((p) => p.text.includes(term)).map((p) => p.accountId)).size;
    const best = candidates.sort((a, b) => reach(a.term) - reach(b.term))[0];
    if (!best) throw new Error('the demo seed has no item in the task window');
    anchor = best;
  } finally {
    await db.$disconnect();
  }
  expect(anchor.term.length).toBeGreaterThanOrEqual(2);

  await signInAs(page, 'supervisor');
  await page.goto('/');
  await page.getByRole('link', { name: '转载任务', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '重要信息转载' })).toBeVisible();

  const title = `转载：重要通知 ${Date.now() % 100000}`;
  const form = page.getByRole('region', { name: '布置转载任务' });
  // The target agency is a tree starting on the supervisor's own scope; it is searched and picked like any tree.
  await expectPickedAgency(form, '目标单位（含下级）', scopeName);
  await form.getByLabel('任务名称').fill(title);
  await form.getByLabel(/^识别词/).fill(anchor.term);
  await form.getByLabel('发布时间').fill(local(new Date(seedNow.getTime() - 5 * DAY)));
  await form.getByLabel('转载期限').fill(local(new Date(seedNow.getTime() - 3 * DAY)));
  await pickAgency(form, '目标单位（含下级）', scopeName);
  await saveDesktopAndPhoneScreenshots(page, 'repost-task-form');
  await form.getByRole('button', { name: '布置任务' }).click();
  // Issuing matches every target's posts at once: allow a busy machine more than the default 5 s.
  await expect(page.getByRole('status')).toContainText(/已布置，共 \d+ 个目标账号，其中 [1-9]\d* 个已转载/, {
    timeout: 30_000,
  });

  const task = page.getByRole('region', { name: title });
  await expect(task.locator('summary')).toContainText(/已转载 [1-9]/);
  await expect(task.locator('summary')).toContainText(/逾期未转载 [1-9]/);
  await task.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await expect(task.getByRole('link', { name: `打开 ${anchor.displayName} 的转载内容` }).first()).toBeVisible();
  await expect(task.getByRole('row').nth(1)).toContainText('逾期未转载');
  await saveScreenshot(page, 'repost-task-statuses');

  const openTitle = `转载：未到期通知 ${Date.now() % 100000}`;
  await page.getByLabel('任务名称').fill(openTitle);
  await page.getByLabel(/^识别词/).fill('尚未发布的通知标题');
  await page.getByLabel('发布时间').fill(local(new Date(Date.now() - DAY)));
  await page.getByLabel('转载期限').fill(local(new Date(Date.now() + 3 * DAY)));
  await page.getByRole('button', { name: '布置任务' }).click();
  await expect(page.getByRole('region', { name: openTitle }).locator('summary')).toContainText(
    /已转载 0 · 逾期未转载 0 · 未到期 [1-9]/,
    { timeout: 30_000 },
  );
});

test('[AUDITOR] sees reposting tasks read-only and cannot reach the edition editor', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.goto('/repost-tasks');
  await expect(page.getByRole('heading', { level: 1, name: '重要信息转载' })).toBeVisible();
  await expect(page.getByRole('button', { name: '布置任务' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
  await page.goto('/admin/editions');
  await expect(page).toHaveURL(/\/forbidden$/);
  await saveScreenshot(page, 'auditor-editions-forbidden');
});
