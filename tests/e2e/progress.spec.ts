import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { lastCompleteBeijingDay } from '@/lib/time';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

// Issue 14 item 5 / issue 13 item 5: without a worker the dashboard says so; an inspection shows queued / running
// n of N / done and refreshes itself; a background export shows its progress and downloads when ready. The e2e
// server runs `next start` only, so at first no worker is alive; later tests start the worker's pieces themselves.

const PHONE = { width: 390, height: 844 };

/** Desktop and phone screenshots; at 390 px the table scrolls inside its panel, so `reveal` is scrolled into view. */
async function both(page: Page, name: string, reveal?: Locator) {
  await saveScreenshot(page, `${name}-desktop`);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await reveal?.scrollIntoViewIfNeeded();
  await saveScreenshot(page, `${name}-phone`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  if (desktop) await page.setViewportSize(desktop);
}

test.describe.configure({ mode: 'serial' });

test('[SUPERVISOR, AUDITOR] without a worker, the inspections and exports pages say so', async ({ page, browser }) => {
  const db = e2eDb();
  try {
    await db.workerHeartbeat.deleteMany({});
  } finally {
    await db.$disconnect();
  }
  await signInAs(page, 'supervisor');
  await page.goto('/inspections');
  const banner = page.getByTestId('worker-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('后台任务进程（worker）未在运行');
  await expect(banner).toContainText('从未收到 worker 心跳');
  await both(page, 'progress-worker-missing-inspections');

  const auditor = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    baseURL: new URL(page.url()).origin,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await signInAs(auditor, 'auditor');
  await auditor.goto('/exports');
  await expect(auditor.getByTestId('worker-banner')).toBeVisible();
  await both(auditor, 'progress-worker-missing-exports');
  await auditor.close();

  const health = await page.request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok', worker: { alive: false } });
  expect((await page.request.get('/api/worker-status')).status()).toBe(200);
});

test('[SUPERVISOR] a queued inspection shows queued, then running n of N, then done, without reloading', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'supervisor');
  await page.goto('/inspections');
  const form = page.getByRole('form', { name: '发起检查' });
  const name = `进度检查 ${Date.now()}`;
  await form.getByLabel('名称').fill(name);
  // The form starts on the end of the last complete Beijing day (yesterday 23:59): accounts read after it are decided.
  const yesterday = lastCompleteBeijingDay(new Date());
  await expect(form.getByLabel('监测时间点')).toHaveValue(new RegExp(`^${yesterday}T23:59`));
  // The scope is a searchable tree starting on the supervisor's root; a county office below it is picked.
  await pickAgency(form, '检查范围', '临溪县人民政府办公室');
  await both(page, 'inspection-form-scope-picked');
  await form.getByRole('button', { name: '发起' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('排队中');
  await both(page, 'progress-inspection-queued', row.locator('.status-cell'));

  const db = e2eDb();
  try {
    const { id, scopeAgency } = await db.inspection.findFirstOrThrow({
      where: { name },
      select: { id: true, scopeAgency: { select: { name: true } } },
    });
    expect(scopeAgency.name).toBe('临溪县人民政府办公室');
    // What the worker writes after its first batches; the page is not reloaded, it polls.
    await db.inspection.update({ where: { id }, data: { status: 'RUNNING', progressDone: 40, progressTotal: 120 } });
    await expect(row).toContainText('计分中', { timeout: 15_000 });
    await expect(row).toContainText('40 / 120');
    await expect(row.getByRole('progressbar', { name: '已计分 40 / 120 个账号' })).toBeVisible();
    await both(page, 'progress-inspection-running', row.locator('.status-cell'));

    // The worker's score job, for real, in its own process (batches of 20: progress after each).
    const run = spawnSync('npx', ['tsx', 'tests/e2e/helpers/score-inspection.ts', id], {
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, INSPECTION_BATCH_SIZE: '20' },
    });
    expect(run.status, run.stderr).toBe(0);
    const stored = await db.inspection.findUniqueOrThrow({
      where: { id },
      select: { status: true, progressDone: true, progressTotal: true },
    });
    expect(stored.status).toBe('DONE');
    expect(stored.progressTotal).toBeGreaterThan(0);
    expect(stored.progressDone).toBe(stored.progressTotal);
  } finally {
    await db.$disconnect();
  }
  await expect(row).toContainText('已完成', { timeout: 15_000 });
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await both(page, 'progress-inspection-done', row.locator('.status-cell'));
});

test('[AUDITOR] a background export is queued, generated by the worker with progress, and downloaded when ready', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'auditor');
  await page.goto('/exports');
  await expect(page.getByTestId('worker-banner')).toBeVisible();
  await page.getByRole('combobox', { name: /^格式/ }).selectOption('pdf');
  await page.getByLabel('在后台生成').check();
  const start = page.getByRole('button', { name: '开始生成' });
  await start.click();
  await expect(page.locator('form').getByRole('status')).toContainText('已加入队列');
  const jobs = page.getByRole('region', { name: '我的导出' });
  const job = jobs.getByRole('row').filter({ hasText: '季度检查通报' }).first();
  await expect(job).toContainText('排队中');
  // The same export cannot be started twice while it waits.
  await expect(page.getByRole('button', { name: '正在生成…' })).toBeDisabled();
  await both(page, 'progress-export-queued', job.locator('.status-cell'));

  let worker: ChildProcess | null = null;
  try {
    // Its own process group, so the stop below reaches tsx's node child too.
    worker = spawn('node_modules/.bin/tsx', ['tests/e2e/helpers/export-worker.ts'], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`export worker did not start: ${output}`)), 90_000);
      worker?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('READY')) {
          clearTimeout(timer);
          resolve();
        }
      });
      worker?.on('exit', (code) => reject(new Error(`export worker exited with ${code}: ${output}`)));
    });
    // Generated by the worker; the list refreshes itself every 2 s.
    await expect(job).toContainText('已完成', { timeout: 120_000 });
    await expect(page.getByRole('button', { name: '开始生成' })).toBeEnabled();
    await page.reload();
    await expect(page.getByTestId('worker-banner')).toHaveCount(0);
    await both(page, 'progress-export-done', jobs.getByRole('link', { name: '下载' }).first());
    const link = jobs.getByRole('row').filter({ hasText: '季度检查通报' }).first().getByRole('link', { name: '下载' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^巡检通报-.+-\d{4}Q\d\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const health = await page.request.get('/api/health');
    expect(await health.json()).toMatchObject({ worker: { alive: true } });
  } finally {
    if (worker?.pid && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.on('exit', resolve));
      process.kill(-worker.pid, 'SIGTERM');
      await exited;
    }
  }
  // A clean stop removes the heartbeat: the banner is back at once.
  await page.reload();
  await expect(page.getByTestId('worker-banner')).toBeVisible();
});
