import { describe, expect, it } from 'vitest';
import { detectAccountManagement } from '@/lib/scoring/detectors/account-management';
import { cloneEdition, NATIONAL_2019, nearDuplicateShares, type AccountHistory } from '@/lib/scoring';
import { account, ago, appHistory, context, history, ruleIds, snapshot } from './fixture';

const { D8 } = NATIONAL_2019;
const d8 = (over: Partial<AccountHistory>) => ruleIds(detectAccountManagement(history(over), context()));

describe('D8 账号管理', () => {
  it.each<[string, Partial<AccountHistory>, string[]]>([
    [
      'filed, named by the rule, verified, the only account: clean',
      { account: account({ namingRule: '发布$' }), snapshots: [snapshot('s')] },
      [],
    ],
    ['not filed', { account: account({ filingStatus: 'UNFILED' }) }, ['D8.UNFILED']],
    ['filing still pending', { account: account({ filingStatus: 'PENDING' }) }, ['D8.UNFILED']],
    ['filing revoked', { account: account({ filingStatus: 'REVOKED' }) }, ['D8.UNFILED']],
    [
      'name breaks the agency naming rule',
      { account: account({ displayName: '潮流资讯', namingRule: '发布$' }) },
      ['D8.NAMING_RULE'],
    ],
    ['no naming rule', { account: account({ displayName: '潮流资讯', namingRule: null }) }, []],
    // An invalid rule is the admin's data error; it must not deduct from every account of the agency.
    ['invalid naming rule', { account: account({ displayName: '潮流资讯', namingRule: '(' }) }, []],
    ['not verified as a government account', { snapshots: [snapshot('s', { isVerified: false })] }, ['D8.UNVERIFIED']],
    [
      'verified since',
      { snapshots: [snapshot('s1', { takenAt: ago(20), isVerified: false }), snapshot('s2', { takenAt: ago(2) })] },
      [],
    ],
    ['verification unknown', { snapshots: [snapshot('s', { isVerified: null })] }, []],
    [
      'unverified only after the monitoring date',
      { snapshots: [snapshot('s1'), snapshot('s2', { takenAt: ago(-1), isVerified: false })] },
      [],
    ],
    [
      'G12: another account of the agency on the platform',
      { account: account({ isFirstOfAgencyPlatform: false }) },
      ['D8.EXTRA_ACCOUNT'],
    ],
    ['near-duplicate share exactly at the limit', { nearDuplicateShare: D8.duplicateShare }, []],
    [
      'near-duplicate share above the limit',
      { nearDuplicateShare: D8.duplicateShare + 0.01 },
      ['D8.DUPLICATE_CONTENT'],
    ],
  ])('%s', (_, over, expected) => {
    expect(d8(over)).toEqual(expected);
  });

  it('all rules are confirmed facts worth the edition’s points', () => {
    const h = history({
      account: account({
        displayName: '潮流资讯',
        filingStatus: 'UNFILED',
        namingRule: '发布$',
        isFirstOfAgencyPlatform: false,
      }),
      snapshots: [snapshot('s', { isVerified: false })],
      nearDuplicateShare: 0.9,
    });
    const byRule = Object.fromEntries(
      detectAccountManagement(h, context()).findings.map((f) => [f.ruleId, [f.status, f.points]]),
    );
    expect(byRule).toEqual({
      'D8.UNFILED': ['CONFIRMED', D8.unfiledPoints],
      'D8.NAMING_RULE': ['CONFIRMED', D8.namingPoints],
      'D8.UNVERIFIED': ['CONFIRMED', D8.unverifiedPoints],
      'D8.EXTRA_ACCOUNT': ['CONFIRMED', D8.extraAccountPoints],
      'D8.DUPLICATE_CONTENT': ['CONFIRMED', D8.duplicateContentPoints],
    });
  });

  it('apps are not checked for platform verification', () => {
    expect(
      ruleIds(detectAccountManagement(appHistory({ snapshots: [snapshot('s', { isVerified: false })] }), context())),
    ).toEqual([]);
  });

  it('G12: three Weibo accounts of one agency, two near-duplicate', () => {
    const notice =
      '关于做好今冬明春森林草原防灭火工作的通知：各单位要压实责任，加强巡查，严禁野外用火，发现火情立即拨打12119报警。';
    const shares = nearDuplicateShares([
      { accountId: 'first', itemId: 'f1', text: notice },
      { accountId: 'second', itemId: 's1', text: `${notice}（转发）` },
      { accountId: 'third', itemId: 't1', text: '本周六上午九点，县图书馆举办少儿绘本阅读活动，欢迎家长带孩子参加。' },
    ]);
    const rulesOf = (id: string, isFirst: boolean) =>
      d8({ account: account({ id, isFirstOfAgencyPlatform: isFirst }), nearDuplicateShare: shares.get(id) ?? 0 });
    expect([rulesOf('first', true), rulesOf('second', false), rulesOf('third', false)]).toEqual([
      ['D8.DUPLICATE_CONTENT'],
      ['D8.DUPLICATE_CONTENT', 'D8.EXTRA_ACCOUNT'],
      ['D8.EXTRA_ACCOUNT'],
    ]);
  });

  it('follows the edition: a 50% near-duplicate limit and other points', () => {
    const h = history({ nearDuplicateShare: 0.55 });
    expect(ruleIds(detectAccountManagement(h, context()))).toEqual([]);
    const strict = cloneEdition(NATIONAL_2019, {
      code: 'd8-50',
      D8: { duplicateShare: 0.5, duplicateContentPoints: 4 },
    });
    expect(detectAccountManagement(h, context({ edition: strict })).findings.map((f) => [f.ruleId, f.points])).toEqual([
      ['D8.DUPLICATE_CONTENT', 4],
    ]);
  });
});
