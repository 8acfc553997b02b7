import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AssessmentItems } from '@/components/assessment/assessment-items';
import { AssessmentSummary } from '@/components/assessment/assessment-summary';
import { UnitRanking } from '@/components/assessment/unit-ranking';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { NATIONAL_2019 } from '@/lib/scoring';
import { ANNUAL_FACT_KINDS, ANNUAL_ITEM_CODES, ANNUAL_ITEM_STATUSES, assessAnnual } from '@/lib/scoring/annual';
import type { AnnualAssessmentView } from '@/lib/services/compute-annual-assessment';
import { AFTER_YEAR, cleanYear, rectification } from '../scoring/annual/build';

const MESSAGES = { 'zh-CN': zhCN, en } as const;
const html = (element: ReactElement, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: MESSAGES[locale] as AbstractIntlMessages, timeZone: 'Asia/Shanghai' } as ComponentProps<
        typeof NextIntlClientProvider
      >,
      element,
    ),
  );
const render = (element: ReactElement, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  html(element, locale)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

function view(): AnnualAssessmentView {
  const facts = cleanYear();
  facts.inspections = facts.inspections
    .filter((i) => i.id !== 'q2')
    .map((i) => (i.id === 'q3' ? { ...i, noticePublishedAt: null } : i));
  facts.rectifications = [rectification('r1', 'a1', '2026-05-10')];
  return {
    unit: { id: 'c', name: '临溪县', level: 'COUNTY', parentId: 'p' },
    supervisingOffice: '临溪县人民政府办公室',
    assessment: assessAnnual(facts, NATIONAL_2019, AFTER_YEAR),
    children: [
      {
        unitId: 'd1',
        name: '县卫健局',
        level: 'DEPARTMENT',
        rank: 1,
        accounts: 4,
        score: 72,
        maxScore: 100,
        vetoed: false,
        hasInsufficientData: false,
        deductions: [{ code: 'A1', deducted: 10, status: 'HIT' }],
      },
    ],
  };
}

describe('assessment components', () => {
  it('word each deduction with its quarter, inspection and account, in zh-CN and en', () => {
    const v = view();
    const zh = render(createElement(AssessmentItems, { items: v.assessment.items, vetoed: false }));
    expect(zh).toContain('A1 常态化监管 −10 / 30 扣分');
    expect(zh).toContain('2026Q2 未对本单位所辖账号开展检查');
    expect(zh).toContain('2026Q3 未印发检查通报');
    expect(zh).toContain('账号a1（县卫健局）D3');
    expect(zh).toContain('期限 2026-05-10');
    const english = render(createElement(AssessmentItems, { items: v.assessment.items, vetoed: false }), 'en');
    expect(english).toContain('2026Q2: no inspection of the unit');
    expect(english).toContain('not rectified by its deadline 2026-05-10');
  });

  it('summary: score, supervising office and the final note; ranking rows link to each unit', () => {
    const v = view();
    const text = render(createElement(AssessmentSummary, { view: v, locale: 'zh-CN' }));
    expect(text).toContain(`${v.assessment.score} / 100`);
    expect(text).toContain('监管机构：临溪县人民政府办公室');
    expect(text).toContain('2026 年已结束');
    expect(html(createElement(UnitRanking, { rows: v.children, year: 2026 }))).toContain(
      'href="/assessment?unit=d1&amp;year=2026"',
    );
  });

  it('every item, status and fact kind has a label in both locales', () => {
    for (const messages of [zhCN, en]) {
      const a = messages.assessment as unknown as {
        items: Record<string, string>;
        statuses: Record<string, string>;
        facts: Record<string, string>;
        reasons: Record<string, string>;
      };
      expect(['NO_SCORED_RESULTS', 'V11_PENDING_REVIEW'].filter((r) => !a.reasons[r])).toEqual([]);
      expect(ANNUAL_ITEM_CODES.filter((c) => !a.items[c])).toEqual([]);
      expect(ANNUAL_ITEM_STATUSES.filter((s) => !a.statuses[s])).toEqual([]);
      expect(ANNUAL_FACT_KINDS.filter((k) => !a.facts[k])).toEqual([]);
    }
  });
});
