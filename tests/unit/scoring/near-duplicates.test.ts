import { describe, expect, it } from 'vitest';
import { nearDuplicateShares } from '@/lib/scoring/near-duplicates';

const NOTICE =
  '关于做好今冬明春森林草原防灭火工作的通知：各单位要压实责任，加强巡查，严禁野外用火，发现火情立即拨打12119报警。';

describe('nearDuplicateShares (D8 homogeneous content)', () => {
  it('counts items that near-duplicate another account, not the same account, and not unrelated text', () => {
    const shares = nearDuplicateShares([
      { accountId: 'a', itemId: 'a1', text: NOTICE },
      { accountId: 'a', itemId: 'a2', text: '今天上午，县长带队检查城区安全生产工作，要求各部门落实整改措施。' },
      { accountId: 'b', itemId: 'b1', text: `${NOTICE}（转发）` },
      { accountId: 'c', itemId: 'c1', text: '本周六上午九点，县图书馆举办少儿绘本阅读活动，欢迎家长带孩子参加。' },
      { accountId: 'c', itemId: 'c2', text: '本周六上午九点，县图书馆举办少儿绘本阅读活动，欢迎家长带孩子参加！' },
    ]);
    expect(Object.fromEntries(shares)).toEqual({ a: 0.5, b: 1, c: 0 });
  });

  it('stays linear when a whole tree reposts the same template (20 000 near-identical items)', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      accountId: `acc${i % 2000}`,
      itemId: `i${i}`,
      text: `${NOTICE}${i % 10}`,
    }));
    const shares = nearDuplicateShares(items);
    expect(shares.size).toBe(2000);
    expect([...shares.values()].every((s) => s === 1)).toBe(true);
  });
});
