import { describe, expect, it } from 'vitest';
import { exportLabels } from '@/lib/export/labels';
import { documentOutline } from '@/lib/export/outline';
import { renderPrintHtml } from '@/lib/export/render-html';
import { fixtureDocument } from '../../helpers/export-fixture';

// The official-document layout (GB/T 9704-2012) every format draws: docs/documents.md.

const zh = exportLabels('zh-CN');
const bodyText = (o: ReturnType<typeof documentOutline>) => o.body.map((b) => `${b.lead ?? ''}${b.text}`).join('\n');

describe('notice outline', () => {
  const o = documentOutline(fixtureDocument('notice'), zh);

  it('has the red header, the number, the title, the addressee and the Chinese signature date', () => {
    expect(o).toMatchObject({
      redhead: '临溪县人民政府办公室文件',
      number: '临溪巡检〔2026〕3号',
      title: '临溪县2026年第四季度政务新媒体检查情况通报',
      addressee: '临溪县各有关单位：',
      signature: { office: '临溪县人民政府办公室', date: '2026年12月4日' },
    });
  });

  it('has the customary sections, numbered items under them', () => {
    expect(o.body.filter((b) => b.kind === 'heading1').map((b) => b.text)).toEqual([
      '一、总体情况',
      '二、主要问题',
      '三、整改要求',
    ]);
    const problems = o.body.slice(
      o.body.findIndex((b) => b.text === '二、主要问题') + 1,
      o.body.findIndex((b) => b.text === '三、整改要求'),
    );
    expect(problems.filter((b) => b.lead).map((b) => b.lead)).toEqual(['1.', '2.', '3.']);
  });

  it('describes only failing and at-risk accounts in the body, in sentences grouped by agency; the full list is attachment 1', () => {
    const text = bodyText(o);
    expect(text).toContain('1.临溪县公安局：“临溪公安”（微博）存在疑似违规内容或链接问题，待复核后定论。');
    expect(text).toContain(
      '2.临溪县教育局：“临溪教育”（微博）因14 天内无更新被单项否决，通报得分59分，其他扣分项（更新不及时−10）仅供参考。',
    );
    expect(text).toContain(
      '3.临溪县文化和旅游局：“临溪文旅”（微信公众号）得分55分，不合格，扣分项：泄露个人信息−15；内容不规范−25，按上限计 −20；更新不及时−10，问题包括侮辱性表述、商业广告、手机号。',
    );
    expect(text).not.toContain('临溪发布'); // a passing account is in the attachment only
    expect(text).toContain('全部账号检查结果见附件1');
    expect(o.attachments.map((a) => [a.label, a.title])).toEqual([
      ['附件1', '账号检查结果一览表'],
      ['附件2', '数据不足账号一览表'],
      ['附件3', '问题清单'],
      ['附件4', '僵尸号名单'],
      ['附件5', '检查开展情况'],
    ]);
    expect(o.attachments[0]?.tables[0]?.rows.map((r) => r.cells[2])).toEqual([
      '临溪教育',
      '临溪文旅',
      '临溪公安',
      '临溪发布',
    ]);
    expect(text).toContain('对照问题清单（附件3）');
  });

  it('names indicators, quarters, dates and the edition in words, never by code', () => {
    const all = [
      bodyText(o),
      ...o.attachments.flatMap((a) =>
        a.tables.flatMap((t) => [...t.headers, ...t.rows.flatMap((r) => r.cells.map(String))]),
      ),
    ].join('\n');
    expect(all).toContain('政府网站与政务新媒体检查指标（2019）');
    expect(all).toContain('第四季度');
    expect(all).not.toMatch(/\b(V[123](\.\d)?|D\d{1,2})\b|national-2019|\d{4}Q[1-4]/);
  });
});

describe('empty period', () => {
  it('has no number, says nothing was inspected and has no attachment', () => {
    const o = documentOutline(fixtureDocument('notice', { scores: [] }), zh);
    expect(o.number).toBeNull();
    expect(bodyText(o)).toContain('2026年第四季度，未对临溪县所辖政务新媒体账号开展检查，本期无检查结果。');
    expect(o.attachments).toEqual([]);
    expect(renderPrintHtml(fixtureDocument('notice', { scores: [] }), zh)).not.toContain('附件：');
  });
});

describe('annual outline', () => {
  it('has the annual title and the quarters in words, with the same sections', () => {
    const o = documentOutline(fixtureDocument('annual'), zh);
    expect(o.title).toBe('临溪县2026年度政务新媒体监管考核报告');
    expect(bodyText(o)).toContain(
      '分季度看，第一季度未开展检查、第二季度未开展检查、第三季度未开展检查、第四季度检查账号5个、合格率25.0%。',
    );
    expect(bodyText(o)).toContain('第四季度，“临溪教育”');
    expect(o.attachments.map((a) => a.title)).toEqual([
      '分季度检查情况',
      '账号检查结果一览表',
      '数据不足账号一览表',
      '问题清单',
      '僵尸号名单',
      '检查开展情况',
    ]);
  });
});

describe('print HTML', () => {
  const html = renderPrintHtml(fixtureDocument('notice'), zh);

  it('is A4 portrait with the official margins and the official fonts before Noto CJK', () => {
    expect(html).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/font-family: "仿宋_GB2312",[^;]*"Noto Serif CJK SC"/);
    expect(html).toMatch(/"方正小标宋简体",[^;]*"Noto Serif CJK SC"/);
  });

  it('keeps numbers, scores and days on one line in the tables', () => {
    const row = /<tr><td class="keep">2<\/td>.*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(row).toContain('<td class="keep">55</td>');
    expect(row).toContain('<td class="keep">15/15</td>');
    expect(html).toContain('td.keep { white-space: nowrap;');
  });
});

describe('English', () => {
  it('follows the same outline with English words', () => {
    const o = documentOutline(fixtureDocument('notice'), exportLabels('en'));
    expect(o.title).toBe('临溪县: government new-media inspection notice, Q4 2026');
    expect(o.signature.date).toBe('4 December 2026');
    expect(o.body.filter((b) => b.kind === 'heading1').map((b) => b.text)).toEqual([
      '1. Overview',
      '2. Main problems',
      '3. Rectification requirements',
    ]);
  });
});

describe('DOCX tables', () => {
  it('give an unbreakable column the width of its longest cell and share the rest by weight', async () => {
    const { columnWidths, CELL_MARGIN, TABLE_CHAR, TEXT_WIDTH_TWIPS } = await import('@/lib/export/render-docx');
    const table = documentOutline(fixtureDocument('notice'), zh).attachments[0]?.tables[0];
    if (!table) throw new Error('table');
    const widths = columnWidths(table);
    const coverage = table.headers.indexOf('抓取覆盖（天）');
    expect(widths[coverage]).toBeGreaterThanOrEqual(2.5 * TABLE_CHAR + 2 * CELL_MARGIN); // 15/15: five half-width characters
    expect(Math.abs(widths.reduce((n, w) => n + w, 0) - TEXT_WIDTH_TWIPS)).toBeLessThan(table.headers.length);
    const agency = table.headers.indexOf('单位');
    const account = table.headers.indexOf('账号');
    expect(Number(widths[account]) / Number(widths[agency])).toBeCloseTo(20 / 18, 1);
  });
});

describe('DOCX title', () => {
  it('cuts a long title into lines of near-equal width, never inside a number', async () => {
    const { balancedLines } = await import('@/lib/export/render-docx');
    expect(balancedLines('临溪县测试2026年度政务新媒体监管考核报告', 19)).toEqual([
      '临溪县测试2026年度',
      '政务新媒体监管考核报告',
    ]);
    expect(balancedLines('江川省临溪县2026年第四季度政务新媒体检查情况通报', 19)).toEqual([
      '江川省临溪县2026年第四季度',
      '政务新媒体检查情况通报',
    ]);
    expect(balancedLines('临溪县2026年度政务新媒体监管考核报告', 19)).toEqual(['临溪县2026年度政务新媒体监管考核报告']);
    // The half-way point falls inside 2026: the cut goes beside the number.
    const cut = balancedLines('一二三四五六七八九十一2026二三四五六七八九十一二', 19);
    expect(cut).toHaveLength(2);
    expect(cut.join('')).toBe('一二三四五六七八九十一2026二三四五六七八九十一二');
    expect(cut.join('|')).not.toMatch(/\d\|\d/);
  });
});
