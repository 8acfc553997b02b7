import type {
  AnnualAccountFact,
  AnnualFacts,
  AnnualInspectionFact,
  AnnualRectificationFact,
  AnnualScoreFact,
} from '@/lib/scoring/annual';

// A small tree: province P ⊃ county C ⊃ departments D1, D2; the assessed unit is the county.
export const PROVINCE = 'p';
export const COUNTY = 'c';
export const UNIT = { id: COUNTY, name: '临溪县', ancestorIds: [PROVINCE] };
/** Beijing noon of a day, as an ISO instant. */
export const bj = (day: string, time = '12:00') => new Date(`${day}T${time}:00+08:00`).toISOString();

export function account(id: string, fields: Partial<AnnualAccountFact> = {}): AnnualAccountFact {
  return {
    id,
    name: `账号${id}`,
    platformCode: 'WEIBO',
    agencyId: 'd1',
    agencyName: '县卫健局',
    agencyPath: [PROVINCE, COUNTY, 'd1'],
    openedAt: null,
    closedAt: null,
    createdAt: bj('2025-06-01'),
    isRegistered: true,
    ...fields,
  };
}

export function inspection(id: string, day: string, fields: Partial<AnnualInspectionFact> = {}): AnnualInspectionFact {
  return {
    id,
    name: `检查${id}`,
    monitoringAt: bj(day),
    scope: 'TREE',
    sampleRatio: null,
    scopeAgencyId: COUNTY,
    scopeAgencyName: '临溪县',
    noticePublishedAt: null,
    ...fields,
  };
}

export function score(
  inspectionId: string,
  accountId: string,
  result: AnnualScoreFact['result'] = 'PASS',
  fields: Partial<AnnualScoreFact> = {},
): AnnualScoreFact {
  return {
    inspectionId,
    accountId,
    result,
    vetoCodes: [],
    pendingVetoCodes: [],
    computedAt: bj('2026-01-01'),
    ...fields,
  };
}

export function rectification(
  id: string,
  accountId: string,
  deadline: string,
  doneAt: string | null = null,
): AnnualRectificationFact {
  return { id, findingId: `f-${id}`, accountId, indicatorCode: 'D3', ruleId: 'D3.INSULT', deadline, doneAt };
}

/** Every account passed in one full inspection per quarter with its notice issued: a clean year by default. */
export function cleanYear(accountIds = ['a1', 'a2', 'a3', 'a4']): AnnualFacts {
  const days = ['2026-03-20', '2026-06-20', '2026-09-20', '2026-12-20'];
  const inspections = days.map((d, i) => inspection(`q${i + 1}`, d, { noticePublishedAt: bj(d, '18:00') }));
  return {
    unit: UNIT,
    year: 2026,
    accounts: accountIds.map((id) => account(id)),
    inspections,
    scores: inspections.flatMap((i) => accountIds.map((a) => score(i.id, a))),
    rectifications: [],
  };
}

/** After the year: every rule has fallen due. */
export const AFTER_YEAR = new Date(bj('2027-02-01'));
