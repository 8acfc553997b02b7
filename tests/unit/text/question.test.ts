import { describe, expect, it } from 'vitest';
import { isPublicQuestion } from '@/lib/scoring/detectors/replies';
import { isQuestion } from '@/lib/text/question';

describe('questions for D5 (lib/text/question.ts)', () => {
  it.each<string>([
    // Without a question mark: the examples.
    '失业金申领需要准备什么材料',
    '怎样办理居住证',
    '社保卡补办在哪办',
    '咨询一下公积金提取的流程',
    '想问下孩子入学报名的时间',
    '求助：小区门口的路灯坏了一个月了',
    '办一张老年卡多少钱',
    '政务大厅周六几点开门',
    '新生儿落户需要什么',
    '今年还有没有消费券',
    // Other cues.
    '请问医保报销比例是多少',
    '为什么我的补贴还没到账',
    '能不能延长办理时间',
    '是不是只能线上预约',
    '这个政策是否适用于个体户',
    '谁负责小区的垃圾清运',
    '办好大概要多久',
    '可不可以代办',
    '这个能在网上办吗',
    '怎麼辦理護照',
    '請問幾點下班',
    // With a question mark, whatever the words.
    '真的假的？',
    'really?',
  ])('asks: %s', (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each<string>([
    '什么都好，感谢政府',
    '没什么问题了，谢谢',
    '点赞！',
    '辛苦了，为你们点赞',
    '说得好',
    '怎么也想不到这么快就办好了',
    '服务态度不怎么样',
    '哪怕下雨也要去',
    '哪里哪里，应该的',
    '谁都知道这条路要修',
    '或多或少有些影响',
    '多少有点失望',
    '收到，已按通知办理',
    '支持！',
    '吗啡类药品管理规定',
    '哪吒主题公园开园了',
  ])('does not ask: %s', (text) => {
    expect(isQuestion(text)).toBe(false);
  });

  it("D5 counts such a comment from the public as a question, never the account's own reply", () => {
    const c = {
      id: 'c1',
      postId: 'p1',
      url: null,
      text: '失业金申领需要准备什么材料',
      publishedAt: new Date('2026-11-20T02:00:00Z'),
      isOwnReply: false,
      replyToId: null,
    };
    expect(isPublicQuestion(c)).toBe(true);
    expect(isPublicQuestion({ ...c, isOwnReply: true })).toBe(false);
    expect(isPublicQuestion({ ...c, text: '什么都好，感谢政府' })).toBe(false);
  });
});
