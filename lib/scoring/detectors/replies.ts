import { z } from 'zod';
import { days, declareDetector, indicatorSection, points } from '../declaration';
import { daysNotCrawled, daysWithoutFact, insufficiency, isReadThrough, notReadThroughDetails } from '../coverage';
import { isQuestion } from '@/lib/text/question';
import { finding } from '../finding';
import { DAY_MS, shanghaiDaysBetween, workdaysBetween } from '@/lib/time';
import type { AccountHistory, CommentFact, DetectorResult, ScoringContext } from '../types';

/** A comment from the public that asks something (rule set in lib/text/question.ts, docs/text-analysis.md). */
export const isPublicQuestion = (c: CommentFact): boolean => !c.isOwnReply && isQuestion(c.text);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * D5 留言办理: reply rate to public questions and median reply latency in working days over the window.
 *
 * The reply deadline of every question is the monitoring date: a reply published by then counts. A question with no
 * reply read is unanswered only when the account was read through that deadline; before that it is undecided (its
 * reply may sit in the part not read), and the part not read may hold questions not seen at all, which can move the
 * rate and the median either way. So D5 decides only when read through `monitoringAt`, else INSUFFICIENT_DATA
 * with NOT_READ_THROUGH and the undecided count (docs/scoring.md "Read up to when").
 */
export function detectReplies(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: DetectorResult = { findings: [], insufficient: [], notApplicable: [] };
  const { D5 } = ctx.edition;
  if (h.account.isApp) return { ...out, notApplicable: ['D5'] };
  if (!D5.enabled) return out;
  const at = ctx.monitoringAt;
  const from = new Date(at.getTime() - D5.windowDays * DAY_MS);
  const questions = h.comments.filter((c) => isPublicQuestion(c) && c.publishedAt > from && c.publishedAt <= at);
  const replies = new Map<string, Date>();
  for (const c of h.comments) {
    if (c.isOwnReply && c.replyToId && c.publishedAt <= at) {
      const prev = replies.get(c.replyToId);
      if (!prev || c.publishedAt < prev) replies.set(c.replyToId, c.publishedAt);
    }
  }
  const answered = questions.filter((q) => replies.has(q.id));
  const notReadThrough = () =>
    insufficiency('D5', 'NOT_READ_THROUGH', {
      ...notReadThroughDetails(h, at),
      questions: questions.length,
      answered: answered.length,
      undecided: questions.length - answered.length,
    });
  if (questions.length < D5.minQuestions) {
    // Too few questions seen is only CLEAR when every day of the window was crawled with its comments read, and read
    // through the monitoring date.
    const missingDays = daysNotCrawled(h, from, at).length;
    const commentsNotReadDays = daysWithoutFact(h, 'comments', from, at).length;
    const details = {
      missingDays,
      commentsNotReadDays,
      windowDays: shanghaiDaysBetween(from, at).length,
    };
    if (commentsNotReadDays > 0) out.insufficient.push(insufficiency('D5', 'COMMENTS_NOT_READ', details));
    else if (missingDays > 0) out.insufficient.push(insufficiency('D5', 'DAYS_NOT_CRAWLED', details));
    else if (!isReadThrough(h, at)) out.insufficient.push(notReadThrough());
    return out;
  }
  if (!isReadThrough(h, at)) {
    out.insufficient.push(notReadThrough());
    return out;
  }
  const rate = answered.length / questions.length;
  if (rate < D5.minReplyRate) {
    out.findings.push(
      finding(
        { indicatorCode: 'D5', ruleId: 'D5.LOW_REPLY_RATE', status: 'CONFIRMED', points: D5.replyRatePoints },
        {
          sourceType: 'ACCOUNT',
          details: {
            key: 'rate',
            questions: questions.length,
            answered: answered.length,
            rate: Math.round(rate * 1000) / 1000,
          },
        },
      ),
    );
  }
  const latencies = answered.map((q) =>
    workdaysBetween(q.publishedAt, replies.get(q.id) ?? q.publishedAt, ctx.calendar),
  );
  const med = latencies.length ? median(latencies) : 0;
  if (latencies.length && med > D5.maxMedianLatencyWorkdays) {
    out.findings.push(
      finding(
        { indicatorCode: 'D5', ruleId: 'D5.SLOW_REPLIES', status: 'CONFIRMED', points: D5.latencyPoints },
        {
          sourceType: 'ACCOUNT',
          details: { key: 'latency', medianWorkdays: med, replies: latencies.length },
        },
      ),
    );
  }
  return out;
}

/** D5 (its inappropriate-reply rule: text-rules.ts). */
export const replies = declareDetector({
  fields: {
    D5: indicatorSection({
      windowDays: days,
      minQuestions: z.number().int().min(1),
      minReplyRate: z.number().min(0).max(1),
      replyRatePoints: points,
      maxMedianLatencyWorkdays: z.number().min(0),
      latencyPoints: points,
      inappropriatePoints: points,
    }),
  },
  vetoFields: {},
  baseline: {
    D5: {
      max: 20,
      windowDays: 30,
      minQuestions: 3,
      minReplyRate: 0.8,
      replyRatePoints: 5,
      maxMedianLatencyWorkdays: 5,
      latencyPoints: 5,
      inappropriatePoints: 10,
    },
  },
  vetoBaseline: {},
  since: 1,
  detect: detectReplies,
});
