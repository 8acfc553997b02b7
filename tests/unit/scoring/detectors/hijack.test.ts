import { describe, expect, it } from 'vitest';
import { detectHijack } from '@/lib/scoring/detectors/hijack';
import { cloneEdition, NATIONAL_2019, type AccountHistory, type PostFact, type SnapshotFact } from '@/lib/scoring';
import { ago, appHistory, AT, context, history, HOUR, post, ruleIds, snapshot } from './fixture';

const { burstItems, burstHours, silenceDays } = NATIONAL_2019.veto.V1_4;
const SPAM = '莆田精仿运动鞋，卖鞋清仓，加微信包邮';
const NORMAL = '【通知】政务服务大厅正常办公。';

/** `n` items `spacingH` hours apart starting `startDaysAgo` days before AT; every item is spam unless `spam` is false. */
const burst = (n: number, startDaysAgo = 1, { spacingH = 0.5, spam = true } = {}): PostFact[] =>
  Array.from({ length: n }, (_, i) =>
    post(`b${i}`, {
      text: spam ? SPAM : NORMAL,
      publishedAt: new Date(ago(startDaysAgo).getTime() + i * spacingH * HOUR),
    }),
  );
const before = (startDaysAgo: number, gapDays: number) =>
  post('last', { text: NORMAL, publishedAt: ago(startDaysAgo + gapDays) });

describe('V1.4 spam burst after silence (G6)', () => {
  it.each<[string, PostFact[], string[]]>([
    ['G6: silent for months, then 30 spam items in a day', [before(1, 120), ...burst(30)], ['V1.4.SPAM_BURST']],
    [
      'exactly burstItems after exactly silenceDays',
      [before(1, silenceDays), ...burst(burstItems)],
      ['V1.4.SPAM_BURST'],
    ],
    ['burstItems − 1 items', [before(1, 120), ...burst(burstItems - 1)], []],
    ['silence one day short', [before(1, silenceDays - 1), ...burst(30)], []],
    ['a burst without spam', [before(1, 120), ...burst(30, 1, { spam: false })], []],
    [
      'the items spread beyond burstHours',
      [before(2, 120), ...burst(burstItems, 2, { spacingH: (burstHours + 6) / (burstItems - 1) })],
      [],
    ],
    [
      'a pinned item does not break the silence',
      [before(1, 120), post('pin', { isPinned: true, publishedAt: ago(5) }), ...burst(30)],
      ['V1.4.SPAM_BURST'],
    ],
    ['a burst after the monitoring date is not seen', [before(1, 120), ...burst(30, -1)], []],
  ])('%s', (_, posts, expected) => {
    const r = detectHijack(history({ posts }), context());
    expect(ruleIds(r)).toEqual(expected);
    for (const f of r.findings)
      expect(f).toMatchObject({ indicatorCode: 'V1.4', status: 'SUSPECTED', isVeto: true, points: 0 });
  });

  it('one finding per burst, on its first item, with the silence before it', () => {
    const [f, ...rest] = detectHijack(history({ posts: [before(1, 120), ...burst(30)] }), context()).findings;
    expect(rest).toEqual([]);
    expect(f?.evidence).toMatchObject({ sourceType: 'POST', sourceId: 'b0', details: { items: 30, silentDays: 120 } });
  });

  it('apps are not checked for bursts', () => {
    expect(detectHijack(appHistory({ posts: [before(1, 120), ...burst(30)] }), context()).findings).toEqual([]);
  });

  it('follows the edition: a 5-item burst is enough where the edition says so', () => {
    const h = history({ posts: [before(1, 120), ...burst(6)] });
    expect(ruleIds(detectHijack(h, context()))).toEqual([]);
    const sensitive = cloneEdition(NATIONAL_2019, { code: 'burst-5', veto: { V1_4: { burstItems: 5 } } });
    expect(ruleIds(detectHijack(h, context({ edition: sensitive })))).toEqual(['V1.4.SPAM_BURST']);
  });
});

describe('V1.4 profile changed without a filed change', () => {
  const old = snapshot('s1', { takenAt: ago(20) });
  type Case = [string, SnapshotFact[], AccountHistory['filedChanges'], string[]];
  it.each<Case>([
    [
      'name changed, nothing filed',
      [old, snapshot('s2', { takenAt: ago(2), displayName: '潮鞋小铺' })],
      [],
      ['displayName'],
    ],
    [
      'name changed, filed',
      [old, snapshot('s2', { takenAt: ago(2), displayName: '江川发布厅' })],
      [{ effectiveAt: ago(3), fields: ['displayName'] }],
      [],
    ],
    [
      'name changed, but only the avatar was filed',
      [old, snapshot('s2', { takenAt: ago(2), displayName: '潮鞋小铺' })],
      [{ effectiveAt: ago(3), fields: ['avatarHash'] }],
      ['displayName'],
    ],
    [
      'avatar changed, nothing filed',
      [old, snapshot('s2', { takenAt: ago(2), avatarHash: 'avatar-2' })],
      [],
      ['avatarHash'],
    ],
    [
      'avatar first seen (unknown before)',
      [snapshot('s1', { takenAt: ago(20), avatarHash: null }), snapshot('s2', { takenAt: ago(2) })],
      [],
      [],
    ],
    ['government verification lost', [old, snapshot('s2', { takenAt: ago(2), isVerified: false })], [], ['isVerified']],
    [
      'verification gained',
      [snapshot('s1', { takenAt: ago(20), isVerified: false }), snapshot('s2', { takenAt: ago(2) })],
      [],
      [],
    ],
    ['nothing changed', [old, snapshot('s2', { takenAt: ago(2) })], [], []],
    [
      'a change seen after the monitoring date',
      [old, snapshot('s2', { takenAt: new Date(AT.getTime() + HOUR), displayName: '潮鞋小铺' })],
      [],
      [],
    ],
    // Profiles may be read months apart; a change filed anywhere between the two readings is covered.
    [
      'readings 100 days apart, change filed in between',
      [snapshot('s1', { takenAt: ago(100) }), snapshot('s2', { takenAt: ago(2), displayName: '江川发布厅' })],
      [{ effectiveAt: ago(60), fields: ['displayName'] }],
      [],
    ],
    [
      'a filing long before both readings does not cover a later change',
      [snapshot('s1', { takenAt: ago(100) }), snapshot('s2', { takenAt: ago(2), displayName: '潮鞋小铺' })],
      [{ effectiveAt: ago(200), fields: ['displayName'] }],
      ['displayName'],
    ],
  ])('%s', (_, snapshots, filedChanges, fields) => {
    const found = detectHijack(history({ snapshots, filedChanges }), context()).findings;
    expect(found.map((f) => f.evidence.details.fields)).toEqual(fields.length ? [fields.join(',')] : []);
    for (const f of found)
      expect(f).toMatchObject({
        ruleId: 'V1.4.UNFILED_PROFILE_CHANGE',
        status: 'SUSPECTED',
        isVeto: true,
        evidence: { sourceType: 'SNAPSHOT', sourceId: 's2' },
      });
  });

  it('evidence shows the old and new name', () => {
    const [f] = detectHijack(
      history({ snapshots: [old, snapshot('s2', { takenAt: ago(2), displayName: '潮鞋小铺' })] }),
      context(),
    ).findings;
    expect(f?.evidence).toMatchObject({ matchedText: '江川发布 → 潮鞋小铺', publishedAt: ago(2) });
  });

  it('a disabled V1.4 reports nothing', () => {
    const off = cloneEdition(NATIONAL_2019, { code: 'v14-off', veto: { V1_4: { enabled: false } } });
    expect(
      detectHijack(
        history({ snapshots: [old, snapshot('s2', { takenAt: ago(2), displayName: '潮鞋小铺' })] }),
        context({ edition: off }),
      ).findings,
    ).toEqual([]);
  });
});
