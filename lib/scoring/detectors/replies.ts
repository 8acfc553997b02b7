import { finding } from '../finding';
import { DAY_MS, daysBetween, workdaysBetween } from '../time';
import type { AccountHistory, CommentFact, DetectorResult, ScoringContext } from '../types';

const QUESTION = /[？?]|请问|怎么|如何|为什么|为何|能否|能不能|可否|是否|吗|什么时候|哪里/;

export const isPublicQuestion = (c: CommentFact): boolean => !c.isOwnReply && QUESTION.test(c.text);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** D5 留言办理: reply rate to public questions and median reply latency in working days over the window. */
export function detectReplies(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: DetectorResult = { findings: [], insufficient: [], notApplicable: [] };
  const { D5 } = ctx.edition;
  if (h.account.isApp) return { ...out, notApplicable: ['D5'] };
  if (!D5.enabled) return out;
  const from = new Date(ctx.monitoringAt.getTime() - D5.windowDays * DAY_MS);
  const questions = h.comments.filter((c) => isPublicQuestion(c) && c.publishedAt > from && c.publishedAt <= ctx.monitoringAt);
  if (!daysBetween(from, ctx.monitoringAt).every((d) => h.coverage.get(d) === 'COVERED')) {
    if (questions.length < D5.minQuestions) out.insufficient.push('D5');
  }
  if (questions.length < D5.minQuestions) return out;
  const replies = new Map<string, Date>();
  for (const c of h.comments) {
    if (c.isOwnReply && c.replyToId && c.publishedAt <= ctx.monitoringAt) {
      const prev = replies.get(c.replyToId);
      if (!prev || c.publishedAt < prev) replies.set(c.replyToId, c.publishedAt);
    }
  }
  const answered = questions.filter((q) => replies.has(q.id));
  const rate = answered.length / questions.length;
  if (rate < D5.minReplyRate) {
    out.findings.push(finding({ indicatorCode: 'D5', ruleId: 'D5.LOW_REPLY_RATE', status: 'CONFIRMED', points: D5.replyRatePoints }, {
      sourceType: 'ACCOUNT', details: { key: 'rate', questions: questions.length, answered: answered.length, rate: Math.round(rate * 1000) / 1000 },
    }));
  }
  const latencies = answered.map((q) => workdaysBetween(q.publishedAt, replies.get(q.id) ?? q.publishedAt, ctx.calendar));
  const med = latencies.length ? median(latencies) : 0;
  if (latencies.length && med > D5.maxMedianLatencyWorkdays) {
    out.findings.push(finding({ indicatorCode: 'D5', ruleId: 'D5.SLOW_REPLIES', status: 'CONFIRMED', points: D5.latencyPoints }, {
      sourceType: 'ACCOUNT', details: { key: 'latency', medianWorkdays: med, replies: latencies.length },
    }));
  }
  return out;
}
