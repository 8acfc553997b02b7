import { describe, expect, it } from 'vitest';
import { NATIONAL_2019, cloneEdition } from '@/lib/scoring';
import { assessAnnual, subtreeFacts, type AnnualAssessment, type AnnualFacts } from '@/lib/scoring/annual';
import { account, AFTER_YEAR, bj, cleanYear, COUNTY, inspection, PROVINCE, rectification, score } from './build';

const item = (a: AnnualAssessment, code: string) => {
  const found = a.items.find((i) => i.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};
const assess = (facts: AnnualFacts, now = AFTER_YEAR, edition = NATIONAL_2019) => assessAnnual(facts, edition, now);

describe('a clean year', () => {
  it('scores 100 with every item CLEAR, and is final after the year', () => {
    const a = assess(cleanYear());
    expect(a).toMatchObject({
      score: 100,
      maxScore: 100,
      vetoed: false,
      isFinal: true,
      hasInsufficientData: false,
      editionCode: 'national-2019',
    });
    expect(a.items.map((i) => [i.code, i.status, i.deducted, i.max])).toEqual([
      ['A0', 'CLEAR', 0, 0],
      ['A1', 'CLEAR', 0, 30],
      ['A2', 'CLEAR', 0, 10],
      ['A3', 'CLEAR', 0, 30],
      ['A4', 'CLEAR', 0, 20],
      ['A5', 'CLEAR', 0, 10],
    ]);
  });
});

describe('A1 routine checks', () => {
  it('deducts 10 per quarter without an inspection of the tree, naming the quarter', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.filter((i) => i.id !== 'q2');
    const a1 = item(assess(facts), 'A1');
    expect(a1).toMatchObject({ status: 'HIT', deducted: 10 });
    expect(a1.facts.filter((f) => f.points > 0)).toEqual([{ kind: 'NO_INSPECTION', quarter: '2026Q2', points: 10 }]);
  });

  it('an inspection of one child only is not an inspection of the tree; one scoped at an ancestor is', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.map((i) =>
      i.id === 'q1' ? { ...i, scopeAgencyId: 'd1' } : i.id === 'q2' ? { ...i, scopeAgencyId: PROVINCE } : i,
    );
    const a1 = item(assess(facts), 'A1');
    expect(a1.facts.find((f) => f.quarter === '2026Q1')).toMatchObject({ kind: 'NO_INSPECTION', points: 10 });
    expect(a1.facts.find((f) => f.quarter === '2026Q2')).toMatchObject({
      kind: 'INSPECTED',
      points: 0,
      inspectionId: 'q2',
    });
    expect(a1.deducted).toBe(10);
  });

  it("deducts 5 when the quarter's best inspection gave a verdict on less than half of the open accounts", () => {
    const facts = cleanYear();
    // Q3: a 25% sample (1 of 4) and a crawl outage leaving another account INSUFFICIENT_DATA.
    facts.inspections.push(inspection('q3s', '2026-08-01', { scope: 'SAMPLE', sampleRatio: 0.25 }));
    facts.scores = facts.scores.filter((s) => s.inspectionId !== 'q3');
    facts.inspections = facts.inspections
      .filter((i) => i.id !== 'q3')
      .concat(inspection('q3', '2026-09-20', { noticePublishedAt: bj('2026-09-21') }));
    facts.scores.push(score('q3s', 'a1'), score('q3', 'a1'), score('q3', 'a2', 'INSUFFICIENT_DATA'));
    const a1 = item(assess(facts), 'A1');
    expect(a1.deducted).toBe(5);
    expect(a1.facts.find((f) => f.quarter === '2026Q3')).toMatchObject({
      kind: 'LOW_COVERAGE',
      points: 5,
      inspectionId: 'q3',
      covered: 1,
      active: 4,
      insufficient: 1,
      ratio: 0.25,
    });
  });

  it('counts as open only accounts opened by the monitoring time and not closed before it', () => {
    const facts = cleanYear(['a1', 'a2']);
    facts.accounts.push(
      account('late', { openedAt: bj('2026-10-01') }),
      account('gone', { closedAt: bj('2026-05-01') }),
    );
    const a1 = item(assess(facts), 'A1');
    expect(a1.facts.find((f) => f.quarter === '2026Q1')).toMatchObject({ kind: 'INSPECTED', covered: 2, active: 3 });
    expect(a1.facts.find((f) => f.quarter === '2026Q2')).toMatchObject({ covered: 2, active: 2 });
    expect(a1.facts.find((f) => f.quarter === '2026Q4')).toMatchObject({ covered: 2, active: 3 });
    expect(a1.deducted).toBe(0);
  });

  it('is capped at 30 and never deducts a quarter still running', () => {
    const facts = cleanYear();
    facts.inspections = [];
    expect(item(assess(facts), 'A1')).toMatchObject({ deducted: 30, status: 'HIT' });
    const midYear = item(assess(facts, new Date(bj('2026-08-15'))), 'A1');
    expect(midYear.deducted).toBe(20);
    expect(midYear.facts.map((f) => f.kind)).toEqual([
      'NO_INSPECTION',
      'NO_INSPECTION',
      'QUARTER_NOT_DUE',
      'QUARTER_NOT_DUE',
    ]);
  });
});

describe('A2 publishing results', () => {
  it('deducts 3 per ended quarter whose inspections had no notice issued by now', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.map((i) =>
      i.id === 'q1' || i.id === 'q4' ? { ...i, noticePublishedAt: null } : i,
    );
    const a2 = item(assess(facts), 'A2');
    expect(a2).toMatchObject({ status: 'HIT', deducted: 6 });
    expect(a2.facts.filter((f) => f.points > 0)).toEqual([
      {
        kind: 'NO_NOTICE',
        quarter: '2026Q1',
        points: 3,
        inspectionId: 'q1',
        inspectionName: '检查q1',
        scopeAgencyName: '临溪县',
      },
      {
        kind: 'NO_NOTICE',
        quarter: '2026Q4',
        points: 3,
        inspectionId: 'q4',
        inspectionName: '检查q4',
        scopeAgencyName: '临溪县',
      },
    ]);
  });

  it('a Q4 notice issued in January counts once issued, not before', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.map((i) =>
      i.id === 'q4' ? { ...i, noticePublishedAt: bj('2027-01-15') } : i,
    );
    expect(item(assess(facts, new Date(bj('2027-01-05'))), 'A2').deducted).toBe(3);
    expect(item(assess(facts, new Date(bj('2027-01-20'))), 'A2').deducted).toBe(0);
  });

  it('a quarter without an inspection has no notice either', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.filter((i) => i.id !== 'q3');
    expect(item(assess(facts), 'A2').facts.find((f) => f.quarter === '2026Q3')).toEqual({
      kind: 'NO_NOTICE',
      quarter: '2026Q3',
      points: 3,
    });
  });
});

describe('A3 rectification', () => {
  it('deducts 3 per overdue and 2 per late rectification due in the year, by Beijing day', () => {
    const facts = cleanYear();
    facts.rectifications = [
      rectification('open-overdue', 'a1', '2026-05-10'),
      // Done 2026-05-10 at 23:30 Beijing (15:30 UTC): on the deadline day, not late.
      rectification('on-time', 'a2', '2026-05-10', new Date('2026-05-10T15:30:00Z').toISOString()),
      // Done 2026-05-11 at 00:30 Beijing (still 05-10 in UTC): one day late.
      rectification('late', 'a3', '2026-05-10', new Date('2026-05-10T16:30:00Z').toISOString()),
      rectification('other-year', 'a4', '2025-12-30'),
    ];
    const a3 = item(assess(facts), 'A3');
    expect(a3).toMatchObject({ status: 'HIT', deducted: 5 });
    expect(a3.facts.map((f) => [f.kind, f.rectificationId ?? null, f.points])).toEqual([
      ['RECTIFICATION_COUNTS', null, 0],
      ['RECTIFICATION_LATE', 'late', 2],
      ['RECTIFICATION_OVERDUE', 'open-overdue', 3],
    ]);
    expect(a3.facts[0]).toMatchObject({ total: 3, late: 1, overdue: 1, open: 0 });
    expect(a3.facts[2]).toMatchObject({
      accountId: 'a1',
      accountName: '账号a1',
      findingId: 'f-open-overdue',
      indicatorCode: 'D3',
      day: '2026-05-10',
    });
  });

  it('an open rectification is not overdue before its deadline has passed', () => {
    const facts = cleanYear();
    facts.rectifications = [rectification('r', 'a1', '2026-12-30')];
    expect(item(assess(facts, new Date(bj('2026-12-30', '23:00'))), 'A3')).toMatchObject({
      deducted: 0,
      status: 'CLEAR',
    });
    expect(item(assess(facts, new Date(bj('2026-12-31', '00:10'))), 'A3')).toMatchObject({
      deducted: 3,
      status: 'HIT',
    });
  });

  it('is capped at 30', () => {
    const facts = cleanYear();
    facts.rectifications = Array.from({ length: 12 }, (_, i) => rectification(`r${i}`, 'a1', '2026-03-01'));
    expect(item(assess(facts), 'A3').deducted).toBe(30);
  });
});

describe('A4 registration and consolidation', () => {
  it('deducts 3 per unregistered account operating in the year', () => {
    const facts = cleanYear();
    facts.accounts.push(
      account('rogue', { isRegistered: false, name: '临溪发布（非备案）' }),
      account('old-rogue', { isRegistered: false, closedAt: bj('2025-11-01') }),
    );
    const a4 = item(assess(facts), 'A4');
    expect(a4).toMatchObject({ deducted: 3, status: 'HIT' });
    expect(a4.facts).toEqual([
      {
        kind: 'UNREGISTERED_ACCOUNT',
        points: 3,
        accountId: 'rogue',
        accountName: '临溪发布（非备案）',
        agencyName: '县卫健局',
        platformCode: 'WEIBO',
      },
    ]);
  });

  it('deducts 2 per zombie (V2 in two quarters) not closed by year end, once the year is over', () => {
    const facts = cleanYear();
    const v2 = { vetoCodes: ['V2'] };
    facts.scores = facts.scores.map((s) =>
      s.accountId === 'a1' && (s.inspectionId === 'q1' || s.inspectionId === 'q3')
        ? { ...s, result: 'FAIL_VETO' as const, ...v2 }
        : s,
    );
    // a2: V2 in two quarters, closed in December; a3: V2 in one quarter only.
    facts.scores = facts.scores.map((s) =>
      s.accountId === 'a2' && s.inspectionId !== 'q4' && s.inspectionId !== 'q1'
        ? { ...s, result: 'FAIL_VETO' as const, ...v2 }
        : s,
    );
    facts.scores = facts.scores.map((s) =>
      s.accountId === 'a3' && s.inspectionId === 'q2' ? { ...s, result: 'FAIL_VETO' as const, ...v2 } : s,
    );
    facts.accounts = facts.accounts.map((a) => (a.id === 'a2' ? { ...a, closedAt: bj('2026-12-10') } : a));
    const a4 = item(assess(facts), 'A4');
    expect(a4).toMatchObject({ deducted: 2, status: 'HIT' });
    expect(a4.facts.map((f) => [f.kind, f.accountId, f.quarters, f.points])).toEqual([
      ['ZOMBIE_NOT_CLOSED', 'a1', ['2026Q1', '2026Q3'], 2],
      ['ZOMBIE_CLOSED', 'a2', ['2026Q2', '2026Q3'], 0],
    ]);
    const midYear = item(assess(facts, new Date(bj('2026-11-01'))), 'A4');
    expect(midYear.facts.find((f) => f.accountId === 'a1')).toMatchObject({ kind: 'ZOMBIE_OPEN', points: 0 });
    expect(midYear.deducted).toBe(0);
  });

  it('a quarter counts its latest score: a V2 corrected by a later inspection of the quarter is no zombie quarter', () => {
    const facts = cleanYear();
    facts.inspections.push(inspection('q1b', '2026-03-28'));
    facts.scores = facts.scores.map((s) =>
      s.accountId === 'a1' && ['q1', 'q2'].includes(s.inspectionId)
        ? { ...s, result: 'FAIL_VETO' as const, vetoCodes: ['V2'] }
        : s,
    );
    facts.scores.push(score('q1b', 'a1'));
    expect(item(assess(facts), 'A4').deducted).toBe(0);
  });
});

describe('A5 pass rate', () => {
  const withFailures = (failed: number) => {
    const ids = Array.from({ length: 10 }, (_, i) => `a${i}`);
    const facts = cleanYear(ids);
    // The same accounts fail in every quarter: the year's rate equals failed/10.
    facts.scores = facts.scores.map((s) =>
      Number(s.accountId.slice(1)) < failed ? { ...s, result: 'FAIL_SCORE' as const } : s,
    );
    return facts;
  };

  it('deducts 0 at 90%, 5 below 90%, 10 below 80%', () => {
    expect(item(assess(withFailures(1)), 'A5')).toMatchObject({ deducted: 0, status: 'CLEAR' });
    expect(item(assess(withFailures(2)), 'A5')).toMatchObject({ deducted: 5, status: 'HIT' });
    const a5 = item(assess(withFailures(3)), 'A5');
    expect(a5).toMatchObject({ deducted: 10, status: 'HIT' });
    expect(a5.facts[0]).toEqual({ kind: 'PASS_RATE', points: 10, passed: 28, scored: 40, insufficient: 0, ratio: 0.7 });
    expect(a5.facts.slice(1).map((f) => [f.kind, f.quarter, f.ratio])).toEqual([
      ['QUARTER_PASS_RATE', '2026Q1', 0.7],
      ['QUARTER_PASS_RATE', '2026Q2', 0.7],
      ['QUARTER_PASS_RATE', '2026Q3', 0.7],
      ['QUARTER_PASS_RATE', '2026Q4', 0.7],
    ]);
  });

  it('INSUFFICIENT_DATA results are neither passes nor failures; with no verdict at all the item is INSUFFICIENT_DATA, not clean', () => {
    const facts = cleanYear(['a1', 'a2']);
    facts.scores = facts.scores.map((s) => ({ ...s, result: 'INSUFFICIENT_DATA' as const }));
    const a = assess(facts);
    expect(item(a, 'A5')).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NO_SCORED_RESULTS', deducted: 0 });
    expect(item(a, 'A5').facts[0]).toMatchObject({ kind: 'NO_SCORED_RESULTS', insufficient: 8 });
    expect(a.hasInsufficientData).toBe(true);
    // And A1: those inspections checked nothing.
    expect(item(a, 'A1')).toMatchObject({ deducted: 20, status: 'HIT' });
  });

  it('is NOT_DUE at the start of a year with nothing scored yet', () => {
    const facts = { ...cleanYear(), inspections: [], scores: [] };
    const a = assess(facts, new Date(bj('2026-02-10')));
    expect(a.items.map((i) => [i.code, i.status])).toEqual([
      ['A0', 'CLEAR'],
      ['A1', 'NOT_DUE'],
      ['A2', 'NOT_DUE'],
      ['A3', 'NOT_DUE'],
      ['A4', 'CLEAR'],
      ['A5', 'NOT_DUE'],
    ]);
    expect(a).toMatchObject({ isFinal: false, score: 100 });
  });
});

describe('A0 single veto', () => {
  const v11 = (facts: AnnualFacts, accountId: string, inspectionId: string, confirmed = true) => {
    facts.scores = facts.scores.map((s) =>
      s.accountId === accountId && s.inspectionId === inspectionId
        ? confirmed
          ? { ...s, result: 'FAIL_VETO' as const, vetoCodes: ['V1.1'] }
          : { ...s, result: 'AT_RISK' as const, pendingVetoCodes: ['V1.1'] }
        : s,
    );
  };

  it('one account failing V1.1 does not veto; a second one does, whatever the score', () => {
    const facts = cleanYear();
    v11(facts, 'a1', 'q2');
    v11(facts, 'a1', 'q3');
    expect(assess(facts)).toMatchObject({ vetoed: false });
    expect(item(assess(facts), 'A0').facts).toEqual([
      {
        kind: 'V11_FAILURE',
        points: 0,
        accountId: 'a1',
        accountName: '账号a1',
        agencyName: '县卫健局',
        platformCode: 'WEIBO',
        quarter: '2026Q2',
        inspectionId: 'q2',
        inspectionName: '检查q2',
        at: bj('2026-06-20'),
      },
    ]);
    v11(facts, 'a2', 'q4');
    const a = assess(facts);
    expect(a).toMatchObject({ vetoed: true });
    expect(item(a, 'A0')).toMatchObject({ status: 'HIT', deducted: 0 });
    expect(item(a, 'A0').facts.map((f) => f.accountId)).toEqual(['a1', 'a2']);
    expect(a.score).toBeGreaterThan(80);
  });

  it('a failure in an earlier inspection counts even when a later one of the quarter passes', () => {
    const facts = cleanYear();
    facts.inspections.push(inspection('q2b', '2026-06-25'));
    facts.scores.push(score('q2b', 'a1'), score('q2b', 'a2'));
    v11(facts, 'a1', 'q2');
    v11(facts, 'a2', 'q2');
    expect(assess(facts).vetoed).toBe(true);
  });

  it('a suspected V1.1 that could reach the threshold leaves A0 undecided (INSUFFICIENT_DATA)', () => {
    const facts = cleanYear();
    v11(facts, 'a1', 'q1');
    v11(facts, 'a2', 'q1', false);
    const a0 = item(assess(facts), 'A0');
    expect(a0).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'V11_PENDING_REVIEW' });
    expect(a0.facts.map((f) => [f.kind, f.accountId])).toEqual([
      ['V11_FAILURE', 'a1'],
      ['V11_PENDING', 'a2'],
    ]);
    expect(assess(facts).vetoed).toBe(false);
  });

  it('follows the edition: a stricter edition vetoes at the first failure', () => {
    const strict = cloneEdition(NATIONAL_2019, { code: 'strict-2026', annual: { A0: { maxV11Failures: 0 } } });
    const facts = cleanYear();
    v11(facts, 'a1', 'q1');
    expect(assess(facts, AFTER_YEAR, strict)).toMatchObject({ vetoed: true, editionCode: 'strict-2026' });
  });
});

describe('quarters are Beijing quarters', () => {
  it('an inspection at 2026-03-31 20:00 UTC (04:00 on 1 April in Beijing) belongs to Q2', () => {
    const facts = cleanYear();
    facts.inspections = facts.inspections.map((i) =>
      i.id === 'q1' ? { ...i, monitoringAt: '2026-03-31T20:00:00.000Z' } : i,
    );
    const a1 = item(assess(facts), 'A1');
    expect(a1.facts.find((f) => f.quarter === '2026Q1')).toMatchObject({ kind: 'NO_INSPECTION' });
    expect(a1.facts.find((f) => f.quarter === '2026Q2')).toMatchObject({ kind: 'INSPECTED' });
  });
});

describe('subtreeFacts', () => {
  it("cuts a child's accounts, scores and rectifications from its parent's facts", () => {
    const facts = cleanYear(['a1', 'a2']);
    facts.accounts = facts.accounts.map((a) =>
      a.id === 'a2' ? { ...a, agencyId: 'd2', agencyPath: [PROVINCE, COUNTY, 'd2'] } : a,
    );
    facts.rectifications = [rectification('r1', 'a1', '2026-02-01'), rectification('r2', 'a2', '2026-02-01')];
    const child = subtreeFacts(facts, { id: 'd2', name: '县教育局', ancestorIds: [PROVINCE, COUNTY] });
    expect([
      child.accounts.map((a) => a.id),
      child.rectifications.map((r) => r.id),
      new Set(child.scores.map((s) => s.accountId)),
    ]).toEqual([['a2'], ['r2'], new Set(['a2'])]);
    // The county's inspections are scoped at an ancestor of the department: they inspected its tree.
    expect(item(assessAnnual(child, NATIONAL_2019, AFTER_YEAR), 'A1').deducted).toBe(0);
    expect(COUNTY).toBe('c');
  });
});
