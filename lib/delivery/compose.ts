import type { AlertKind } from '@/lib/schemas/alert';
import { ALERT_KINDS } from '@/lib/schemas/alert';
import { alertFacts, beijingMinute, KIND_NAMES, platformName, type AlertForMessage } from './alert-text';

// Pure: a message in the three forms the channels need. Robots get markdown (WeCom and DingTalk both render a
// subset), email gets HTML and plain text. Names come from platforms and agencies, so they are untrusted: in
// markdown the characters that make links, mentions or tags are replaced by their full-width forms, in HTML escaped.

export type Message = { title: string; markdown: string; text: string; html: string };

/** Robot markdown is capped (WeCom: 4096 bytes of content); items beyond the budget become "其余 N 条". */
export const ROBOT_MARKDOWN_BYTES = 3800;
const DIGEST_ITEMS_PER_KIND = 10;

const FULL_WIDTH: Record<string, string> = {
  '[': '［',
  ']': '］',
  '(': '（',
  ')': '）',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  '#': '＃',
  '`': '｀',
  '@': '＠',
  _: '＿',
};
export const mdSafe = (value: string) =>
  value.replace(/[[\]()<>*#`@_]/g, (c) => FULL_WIDTH[c] ?? c).replace(/\s+/g, ' ');
const htmlSafe = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const bytes = (value: string) => Buffer.byteLength(value, 'utf8');
const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

type Block = { md: string; text: string; html: string };

function alertBlock(alert: AlertForMessage, baseUrl: string): Block {
  const f = alertFacts(alert);
  const account = `“${alert.accountName}”（${platformName(alert.platformCode)}）`;
  const link = join(baseUrl, f.path);
  const rows: Array<[string, string]> = [
    ['主办单位', alert.agencyName],
    ['情况', f.what],
    ['起始时间', f.since],
    ['处理建议', f.action],
  ];
  return {
    md: [
      `**${KIND_NAMES[alert.kind]}：${mdSafe(account)}**`,
      ...rows.map(([k, v]) => `> ${k}：${mdSafe(v)}`),
      `> [在系统中查看](${link})`,
    ].join('\n'),
    text: [`【${KIND_NAMES[alert.kind]}】${account}`, ...rows.map(([k, v]) => `  ${k}：${v}`), `  查看：${link}`].join(
      '\n',
    ),
    html: `<h3>${htmlSafe(KIND_NAMES[alert.kind])}：${htmlSafe(account)}</h3><ul>${rows.map(([k, v]) => `<li>${k}：${htmlSafe(v)}</li>`).join('')}<li><a href="${htmlSafe(link)}">在系统中查看</a></li></ul>`,
  };
}

/** Robot markdown of `head` plus as many blocks as fit the byte budget; the rest are counted, with a link. */
function fitMarkdown(head: string, blocks: string[], tail: (rest: number) => string): string {
  let md = head;
  for (let i = 0; i < blocks.length; i += 1) {
    const next = `${md}\n\n${blocks[i]}`;
    if (bytes(next) + bytes(tail(blocks.length - i)) > ROBOT_MARKDOWN_BYTES)
      return `${md}\n\n${tail(blocks.length - i)}`;
    md = next;
  }
  return `${md}\n\n${tail(0)}`;
}

const countByKind = (alerts: AlertForMessage[]) =>
  ALERT_KINDS.flatMap((k) => {
    const n = alerts.filter((a) => a.kind === k).length;
    return n ? [`${KIND_NAMES[k]} ${n} 条`] : [];
  }).join('、');

/** New alerts of one subscription, sent at once (or at the end of quiet hours). */
export function composeAlertsMessage(alerts: AlertForMessage[], baseUrl: string): Message {
  const title =
    alerts.length === 1
      ? `【巡检提醒】${KIND_NAMES[alerts[0].kind]}：${alerts[0].accountName}`
      : `【巡检提醒】新增 ${alerts.length} 条提醒`;
  const lead = `新增 ${alerts.length} 条提醒：${countByKind(alerts)}。`;
  const blocks = alerts.map((a) => alertBlock(a, baseUrl));
  const allLink = join(baseUrl, '/alerts');
  const markdown = fitMarkdown(
    `### ${mdSafe(title)}\n${lead}`,
    blocks.map((b) => b.md),
    (rest) => (rest ? `其余 ${rest} 条请[在系统中查看](${allLink})。` : `[查看全部提醒](${allLink})`),
  );
  return {
    title,
    markdown,
    text: [
      title,
      lead,
      '',
      ...blocks.map((b) => `${b.text}\n`),
      `全部提醒：${allLink}`,
      '',
      '（本消息由政务新媒体巡检系统自动发送，请勿直接回复。）',
    ].join('\n'),
    html: `<h2>${htmlSafe(title)}</h2><p>${htmlSafe(lead)}</p>${blocks.map((b) => b.html).join('')}<p><a href="${htmlSafe(allLink)}">查看全部提醒</a></p><p style="color:#666">本消息由政务新媒体巡检系统自动发送，请勿直接回复。</p>`,
  };
}

/** A day's alerts of one subscription grouped by kind, each group linking to the alert list filtered by that kind. */
export function composeDigestMessage(alerts: AlertForMessage[], day: string, baseUrl: string): Message {
  const title = `【巡检日报】${day} 提醒汇总（${alerts.length} 条）`;
  const lead = alerts.length
    ? `过去一天新增 ${alerts.length} 条提醒：${countByKind(alerts)}。`
    : '过去一天没有新增提醒。';
  const groups = ALERT_KINDS.flatMap((kind) => {
    const items = alerts.filter((a) => a.kind === kind);
    if (!items.length) return [];
    const link = join(baseUrl, `/alerts?kind=${kind}`);
    const shown = items.slice(0, DIGEST_ITEMS_PER_KIND);
    const more = items.length - shown.length;
    const line = (a: AlertForMessage) => ({
      account: `“${a.accountName}”（${platformName(a.platformCode)}，${a.agencyName}）`,
      what: alertFacts(a).what,
    });
    return [
      {
        kind,
        md: [
          `**${KIND_NAMES[kind]}（${items.length} 条）**`,
          ...shown.map((a, i) => `${i + 1}. ${mdSafe(line(a).account)}：${mdSafe(line(a).what)}`),
          more ? `另有 ${more} 条。` : '',
          `[查看${KIND_NAMES[kind]}](${link})`,
        ]
          .filter(Boolean)
          .join('\n'),
        text: [
          `${KIND_NAMES[kind]}（${items.length} 条）`,
          ...shown.map((a, i) => `  ${i + 1}. ${line(a).account}：${line(a).what}`),
          ...(more ? [`  另有 ${more} 条。`] : []),
          `  查看：${link}`,
        ].join('\n'),
        html: `<h3>${KIND_NAMES[kind]}（${items.length} 条）</h3><ol>${shown.map((a) => `<li>${htmlSafe(line(a).account)}：${htmlSafe(line(a).what)}</li>`).join('')}</ol>${more ? `<p>另有 ${more} 条。</p>` : ''}<p><a href="${htmlSafe(link)}">查看${KIND_NAMES[kind]}</a></p>`,
      },
    ];
  });
  const dashboard = join(baseUrl, '/');
  const markdown = fitMarkdown(
    `### ${title}\n${lead}`,
    groups.map((g) => g.md),
    (rest) =>
      rest ? `其余 ${rest} 类请[在系统中查看](${join(baseUrl, '/alerts')})。` : `[打开监管总览](${dashboard})`,
  );
  return {
    title,
    markdown,
    text: [title, lead, '', ...groups.map((g) => `${g.text}\n`), `监管总览：${dashboard}`].join('\n'),
    html: `<h2>${htmlSafe(title)}</h2><p>${htmlSafe(lead)}</p>${groups.map((g) => g.html).join('')}<p><a href="${htmlSafe(dashboard)}">打开监管总览</a></p>`,
  };
}

/** The "send test message" text: proves the robot or mailbox is reachable, says who asked and when. */
export function composeTestMessage({
  channelLabel,
  requestedBy,
  now,
  baseUrl,
}: {
  channelLabel: string;
  requestedBy: string;
  now: Date;
  baseUrl: string;
}): Message {
  const title = '【巡检系统】测试消息';
  const body = `这是一条测试消息：通知渠道“${channelLabel}”已接通。由 ${requestedBy} 于 ${beijingMinute(now)}（北京时间）发送。`;
  const link = join(baseUrl, '/settings/notifications');
  return {
    title,
    markdown: `### ${title}\n${mdSafe(body)}\n\n[管理通知设置](${link})`,
    text: `${title}\n${body}\n通知设置：${link}`,
    html: `<h2>${title}</h2><p>${htmlSafe(body)}</p><p><a href="${htmlSafe(link)}">管理通知设置</a></p>`,
  };
}

export const kindsOf = (alerts: AlertForMessage[]): AlertKind[] => [...new Set(alerts.map((a) => a.kind))];
