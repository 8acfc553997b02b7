import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { expectPickedAgency, pickAgency } from './helpers/agency-picker';
import { signInAs } from './helpers/auth';
import { e2eDb } from './helpers/db';
import { saveDesktopAndPhoneScreenshots, saveScreenshot } from './helpers/screenshot';

// Issue 15 (delivery): a county supervisor adds a WeCom robot (shown masked), subscribes at once with quiet hours and
// as a daily digest, pauses one, sends a test message and reads the delivery log. The sending itself (robots, SMTP,
// retries, dead letter) is proven against loopback receivers in tests/integration/jobs/deliveries.test.ts; the e2e
// server runs no delivery worker, so the log's sent and dead rows below are written to the database by the spec.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('[SUPERVISOR] channel, subscriptions, test message and the delivery log; auditors are refused', async ({
  page,
}) => {
  const db = e2eDb();
  const county = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
  const email = `notify-${Date.now()}@e2e.local`;
  await createUser({
    input: {
      name: '临溪县督查员',
      email,
      password: 'county-notify-password',
      grants: [{ role: 'SUPERVISOR', agencyId: county.id }],
    },
    actorId: null,
    db,
  });
  await signInAs(page, { email, password: 'county-notify-password' });

  await page.goto('/alerts');
  await page.getByRole('link', { name: '消息通知' }).first().click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: '消息通知' })).toBeVisible();
  await expect(page.getByText('请先添加通知渠道，再设置订阅。')).toBeVisible();

  const channelForm = page.getByRole('form', { name: '添加渠道' });
  const channelKind = channelForm.getByRole('combobox', { name: '类型' });
  await expect(channelKind).toHaveValue('WECOM');
  await channelKind.selectOption('DINGTALK');
  // The kind decides the fields: a DingTalk robot also has its signing secret.
  await expect(channelForm.getByLabel('加签密钥')).toBeVisible();
  await channelForm.getByLabel('名称').fill('督查钉钉群');
  await channelForm.getByLabel('Webhook 地址').fill('not a url');
  await channelForm.getByRole('button', { name: '添加渠道' }).click();
  await expect(channelForm.getByText('请填写机器人完整的 Webhook 地址（https://…）')).toBeVisible();
  await saveDesktopAndPhoneScreenshots(page, 'notifications-channel-form');

  await channelKind.selectOption('WECOM');
  await expect(channelForm.getByLabel('加签密钥')).toHaveCount(0);
  await channelForm.getByLabel('名称').fill('县网信办工作群');
  await channelForm
    .getByLabel('Webhook 地址')
    .fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-secret-key-0001');
  await channelForm.getByRole('button', { name: '添加渠道' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已添加渠道' })).toBeVisible();
  const channelRow = page.getByTestId('channel-table').getByRole('row', { name: /县网信办工作群/ });
  await expect(channelRow).toContainText('qyapi.weixin.qq.com …0001');
  await expect(page.locator('body')).not.toContainText('e2e-secret-key');

  const subForm = page.getByRole('form', { name: '订阅' });
  // The agency is a tree starting on the supervisor's own county; it can be searched and picked like any tree.
  await expectPickedAgency(subForm, '单位（含下级）', county.name);
  await pickAgency(subForm, '单位（含下级）', '临溪县人民政府办公室');
  await pickAgency(subForm, '单位（含下级）', county.name);
  await subForm.getByLabel('免打扰开始').fill('22:00');
  await subForm.getByLabel('免打扰结束').fill('07:00');
  await subForm.getByRole('button', { name: '订阅' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存订阅' })).toBeVisible();
  await subForm.getByLabel('每日汇总').check();
  await subForm.getByLabel('超期未更新').uncheck();
  await subForm.getByLabel('汇总时间').fill('08:30');
  await subForm.getByRole('button', { name: '订阅' }).click();
  const subs = page.getByTestId('subscription-table');
  await expect(subs.getByRole('row')).toHaveCount(3);
  await expect(subs).toContainText('即时发送，22:00–07:00 免打扰');
  await expect(subs).toContainText('每日 08:30 汇总');
  await expect(subs).toContainText(`${county.name}及下级`);
  // Unchecking every kind is refused before anything is saved.
  for (const kind of ['临近超期', '超期未更新', '采集连续失败', '疑似单项否决', '整改逾期'])
    await subForm.getByLabel(kind).uncheck();
  await subForm.getByRole('button', { name: '订阅' }).click();
  await expect(subForm.getByText('请至少选择一种提醒类型')).toBeVisible();
  await expect(subs.getByRole('row')).toHaveCount(3);

  const digestRow = subs.getByRole('row', { name: /每日 08:30 汇总/ });
  await digestRow.getByRole('button', { name: '暂停' }).click();
  await expect(digestRow.getByText('已暂停')).toBeVisible();
  await saveScreenshot(page, 'notifications-settings');
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'notifications-settings-phone');
  await page.setViewportSize(DESKTOP);

  await channelRow.getByRole('button', { name: '发送测试消息' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已排队' })).toBeVisible();

  // What the worker would have recorded for two earlier messages: one sent, one dead after three tries.
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const channel = await db.notificationChannel.findFirstOrThrow({ where: { ownerId: user.id } });
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await db.delivery.create({
    data: {
      channelId: channel.id,
      kind: 'ALERTS',
      dedupeKey: `e2e-sent-${user.id}`,
      status: 'SENT',
      title: '【巡检提醒】超期未更新：临溪发布',
      message: {},
      notBefore: at(30),
      attempts: 1,
      lastStatusCode: 200,
      lastLatencyMs: 182,
      createdAt: at(30),
      finishedAt: at(30),
      attemptLog: {
        create: [{ channelId: channel.id, attempt: 1, startedAt: at(30), ok: true, statusCode: 200, latencyMs: 182 }],
      },
    },
  });
  await db.delivery.create({
    data: {
      channelId: channel.id,
      kind: 'DIGEST',
      dedupeKey: `e2e-dead-${user.id}`,
      status: 'DEAD',
      title: '【巡检日报】提醒汇总（4 条）',
      message: {},
      notBefore: at(20),
      attempts: 3,
      lastStatusCode: 503,
      lastLatencyMs: 95,
      lastError: 'HTTP 503',
      createdAt: at(20),
      finishedAt: at(12),
      attemptLog: {
        create: [20, 19, 12].map((m, i) => ({
          channelId: channel.id,
          attempt: i + 1,
          startedAt: at(m),
          ok: false,
          statusCode: 503,
          latencyMs: 95,
        })),
      },
    },
  });

  await page.getByRole('link', { name: '发送记录' }).click();
  await expect(page).toHaveURL(/\/settings\/notifications\/deliveries$/);
  const log = page.getByTestId('delivery-table');
  await expect(log.locator('tr[data-status]')).toHaveCount(3);
  await expect(log.locator('tr[data-status="PENDING"]')).toContainText('测试：【巡检系统】测试消息');
  await expect(log.locator('tr[data-status="SENT"]')).toContainText('182 ms');
  const dead = log.locator('tr[data-status="DEAD"]');
  await expect(dead).toContainText('发送失败');
  await expect(dead).toContainText('HTTP 503');
  await expect(dead.locator('ol.tries li')).toHaveCount(3);
  await saveScreenshot(page, 'notifications-delivery-log');
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'notifications-delivery-log-phone');
  await page.setViewportSize(DESKTOP);
  await page.getByRole('navigation', { name: '状态' }).getByRole('link', { name: '发送失败' }).click();
  await expect(page).toHaveURL(/status=DEAD$/);
  await expect(log.locator('tr[data-status]')).toHaveCount(1);

  await page.context().clearCookies();
  await signInAs(page, 'auditor');
  await page.goto('/settings/notifications');
  await expect(page).toHaveURL(/\/forbidden$/);
  await db.$disconnect();
});
