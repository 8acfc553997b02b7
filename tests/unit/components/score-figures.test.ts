import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AccountFindings } from '@/components/accounts/account-findings';
import { CoverageStrip } from '@/components/accounts/coverage-strip';
import { ScoreHistory } from '@/components/accounts/score-history';
import messages from '@/lib/i18n/messages/zh-CN.json';
import { readScoreFigures } from '@/lib/services/figures/score';
import type { AccountScoreItem } from '@/lib/services/get-account-detail';

const render = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: 'zh-CN', messages: messages as AbstractIntlMessages, timeZone: 'Asia/Shanghai' } as ComponentProps<
        typeof NextIntlClientProvider
      >,
      element,
    ),
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const vetoed: AccountScoreItem = {
  scoreId: 's1',
  inspectionId: 'i1',
  inspectionName: '四季度检查',
  monitoringAt: '2026-11-20T04:00:00.000Z',
  editionCode: 'national-2019',
  editionName: '国办 2019 指标',
  ...readScoreFigures({
    result: 'FAIL_VETO',
    total: 90,
    bonus: 0,
    vetoCodes: ['V2'],
    pendingVetoCodes: [],
    vetoScore: 59,
    coverage: { windowDays: 15, coveredDays: 15 },
    breakdown: {
      indicators: [
        { code: 'V2', status: 'HIT', deducted: 0, max: 0 },
        { code: 'D1', status: 'HIT', deducted: 10, max: 10 },
      ],
      reportedScore: 59,
    },
  }),
  deductions: [{ code: 'D1', raw: 10, deducted: 10, max: 10, isCapped: false }],
};

describe('score figures on the account page', () => {
  it('shows the reported score (通报得分) on the badge of a vetoed account, with the computed score beside it', () => {
    const text = render(createElement(ScoreHistory, { scores: [vetoed] }));
    expect(text).toContain('单项否决 · 59');
    expect(text).not.toContain('单项否决 · 90');
    expect(text).toContain('计算得分 90');
  });

  it("names each coverage figure's own window", () => {
    const history = render(createElement(ScoreHistory, { scores: [vetoed] }));
    expect(history).toContain('近 15 天 15/15');
    expect(history).not.toContain('近 60 天');
    const cells = Array.from({ length: 60 }, (_, i) => ({
      day: `2026-09-${String((i % 30) + 1).padStart(2, '0')}`,
      status: 'COVERED' as const,
      errorKind: null,
    }));
    expect(render(createElement(CoverageStrip, { cells, days: 60 }))).toContain('抓取覆盖（近 60 天）');
  });

  it("says when an indicator's findings add up to more than its cap", () => {
    const text = render(
      createElement(AccountFindings, {
        findings: [],
        total: 0,
        isInformational: false,
        deductions: [
          { code: 'D3', raw: 30, deducted: 20, max: 20, isCapped: true },
          { code: 'D1', raw: 5, deducted: 5, max: 10, isCapped: false },
        ],
      }),
    );
    expect(text).toContain('D3 内容不规范 −30，按上限计 −20');
    expect(text).toContain('D1 更新不及时 −5');
  });
});
