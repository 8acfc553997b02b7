import { describe, expect, it } from 'vitest';
import { estimateJaccard, minhashSignature, nearDuplicatePairs } from '@/lib/text/minhash';
import { nameSimilarity } from '@/lib/text/similarity';

const base = '【政策解读】一图读懂《促进高校毕业生就业若干措施》，自12月1日起施行，涉及就业补贴、创业担保贷款、见习补贴和社会保险补贴等12项内容，符合条件的毕业生可通过江川政务服务网在线申请。';

describe('near-duplicates and look-alike names', () => {
  it('estimates high similarity for a lightly edited copy and low for unrelated text', () => {
    const edited = `${base.replace('12项', '十二项')}（转自东湖发布）`;
    const unrelated = '【健康科普】流感高发季，接种疫苗是预防流感最有效的手段，老年人和儿童请尽早到社区卫生服务中心接种。';
    expect(estimateJaccard(minhashSignature(base), minhashSignature(edited))).toBeGreaterThan(0.5);
    expect(estimateJaccard(minhashSignature(base), minhashSignature(unrelated))).toBeLessThan(0.2);
    expect(nearDuplicatePairs([{ id: 'a', text: base }, { id: 'b', text: edited }, { id: 'c', text: unrelated }], 0.5)).toEqual([
      { a: 'a', b: 'b', similarity: expect.any(Number) },
    ]);
  });

  it('scores look-alike app names at or above 0.8', () => {
    expect(nameSimilarity('江川市民通', '江川市民通官方版')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('白沙政务', '白沙市民通')).toBeLessThan(0.8);
  });
});
