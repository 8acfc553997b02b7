import { describe, expect, it } from 'vitest';
import { estimateJaccard, minhashSignature, nearDuplicatePairs } from '@/lib/text/minhash';
import { NATIONAL_2019 } from '@/lib/scoring';
import { foldName, nameSimilarity } from '@/lib/text/similarity';

const base =
  '【政策解读】一图读懂《促进高校毕业生就业若干措施》，自12月1日起施行，涉及就业补贴、创业担保贷款、见习补贴和社会保险补贴等12项内容，符合条件的毕业生可通过江川政务服务网在线申请。';

describe('near-duplicates and look-alike names', () => {
  it('estimates high similarity for a lightly edited copy and low for unrelated text', () => {
    const edited = `${base.replace('12项', '十二项')}（转自东湖发布）`;
    const unrelated =
      '【健康科普】流感高发季，接种疫苗是预防流感最有效的手段，老年人和儿童请尽早到社区卫生服务中心接种。';
    expect(estimateJaccard(minhashSignature(base), minhashSignature(edited))).toBeGreaterThan(0.5);
    expect(estimateJaccard(minhashSignature(base), minhashSignature(unrelated))).toBeLessThan(0.2);
    expect(
      nearDuplicatePairs(
        [
          { id: 'a', text: base },
          { id: 'b', text: edited },
          { id: 'c', text: unrelated },
        ],
        0.5,
      ),
    ).toEqual([{ a: 'a', b: 'b', similarity: expect.any(Number) }]);
  });

  it('scores look-alike app names at or above 0.8', () => {
    expect(nameSimilarity('江川市民通', '江川市民通官方版')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('白沙政务', '白沙市民通')).toBeLessThan(0.8);
  });

  const threshold = NATIONAL_2019.D7.lookalikeSimilarity;

  it.each<[string, string, string]>([
    ['壹 for 一', '一网通办', '壹网通办'],
    ['贰 for 二', '二维码服务', '贰维码服务'],
    ['traditional 貳 for 二', '二维码服务', '貳维码服务'],
    ['叁 for 三', '三农服务通', '叁农服务通'],
    ['肆 for 四', '四季江川', '肆季江川'],
    ['伍 for 五', '五好家园', '伍好家园'],
    ['陆 for 六', '六安政务', '陆安政务'],
    ['traditional 陸 for 六', '六安政务', '陸安政务'],
    ['柒 for 七', '七彩云南通', '柒彩云南通'],
    ['捌 for 八', '八闽政务', '捌闽政务'],
    ['玖 for 九', '九州通办', '玖州通办'],
    ['拾 for 十', '十堰政务', '拾堰政务'],
    ['佰 for 百', '百姓通', '佰姓通'],
    ['仟 for 千', '千岛湖通', '仟岛湖通'],
    ['〇 for 零', '零距离', '〇距离'],
    ['full-width digits', '江川12345', '江川１２３４５'],
    ['Chinese numerals for digits', '江川12345', '江川一二三四五'],
    ['circled digit', '江川1号通', '江川①号通'],
    ['full-width Latin and case', 'i江川', 'Ｉ江川'],
    ['traditional name', '江川市办事通', '江川市辦事通'],
    ['separators', '江川市民通', '江川·市民 通'],
  ])('a look-alike with %s scores 1 (≥ the edition threshold)', (_, own, copy) => {
    expect(nameSimilarity(own, copy)).toBe(1);
    expect(nameSimilarity(own, copy)).toBeGreaterThanOrEqual(threshold);
  });

  it('folds numerals to one reading and leaves other characters alone', () => {
    expect(foldName('壹貳叁肆伍陸柒捌玖拾佰仟〇')).toBe('一二三四五六七八九十百千零');
    expect(foldName('０１２３４５６７８９')).toBe('零一二三四五六七八九');
    expect(foldName('参加 陆地 Ｉ')).toBe('参加六地i');
  });

  it('unrelated or merely similar names stay below the threshold', () => {
    expect(nameSimilarity('一网通办', '壹号商城')).toBeLessThan(threshold);
    expect(nameSimilarity('江川市民通', '白沙市民服务')).toBeLessThan(threshold);
    expect(nameSimilarity('江川12345', '江川热线')).toBeLessThan(threshold);
  });
});
