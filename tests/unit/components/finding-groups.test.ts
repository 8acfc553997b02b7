import { describe, expect, it } from 'vitest';
import { groupNearIdentical } from '@/components/findings/findings-table';
import type { FindingListItem } from '@/lib/schemas/finding';

const item = (id: string, patch: Partial<FindingListItem> = {}): FindingListItem => ({
  id,
  indicatorCode: 'D3',
  ruleId: 'D3.ADVERTISEMENT',
  status: 'SUSPECTED',
  points: 5,
  isVeto: false,
  accountId: 'a1',
  accountName: '临溪发布',
  platformCode: 'WEIBO',
  agencyName: '临溪县',
  inspectionId: 'i1',
  monitoringAt: '2026-11-25T04:00:00.000Z',
  sourceType: 'POST',
  sourceUrl: null,
  sourcePublishedAt: null,
  excerpt: '代购正品，加微信',
  spanStart: 0,
  spanEnd: 4,
  matchedText: '代购',
  reviewReason: null,
  ...patch,
});

describe('near-identical findings of one account', () => {
  it('folds the same account, rule, status and matched text under the first, in page order', () => {
    const g = groupNearIdentical([
      item('1'),
      item('2', { accountId: 'a2' }),
      item('3'),
      item('4', { matchedText: '加微信' }),
      item('5', { status: 'CONFIRMED' }),
      item('6'),
    ]);
    expect(g.members.get('1')).toEqual(['1', '3', '6']);
    expect(['2', '4', '5'].map((id) => g.members.get(id))).toEqual([['2'], ['4'], ['5']]);
    expect(g.leadOf.get('6')).toBe('1');
  });
});
