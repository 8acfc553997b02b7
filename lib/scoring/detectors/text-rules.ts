import { z } from 'zod';
import { declareDetector, indicatorSection, points } from '../declaration';
import { commentEvidence, finding, postEvidence } from '../finding';
import { correctedItemFor, correctionDetails } from './corrections';
import { leaderIssues } from './leaders';
import { DAY_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, Evidence, Finding, PostFact, ScoringContext, TextMatch } from '../types';

type Rule = { indicatorCode: string; ruleId: string; points: (ctx: ScoringContext) => number; isVeto?: boolean };

/** Lexicon category (and kind) → the indicator rule it triggers; all text hits start SUSPECTED. */
function ruleFor({ entry, variant }: TextMatch, isReply: boolean): Rule | null {
  if (variant === 'NEAR_MISS')
    return { indicatorCode: 'V1.1', ruleId: 'V1.1.NEAR_MISS', points: () => 0, isVeto: true };
  switch (entry.category) {
    case 'PROTECTED_TERM':
      return { indicatorCode: 'V1.1', ruleId: 'V1.1.PROTECTED_TERM', points: () => 0, isVeto: true };
    case 'SECRECY_MARK':
      return { indicatorCode: 'V1.2', ruleId: 'V1.2.SECRECY_MARK', points: () => 0, isVeto: true };
    case 'PROHIBITED':
      return { indicatorCode: 'V1.3', ruleId: 'V1.3.PROHIBITED_TEXT', points: () => 0, isVeto: true };
    case 'ENTERTAINMENT':
      return { indicatorCode: 'D3', ruleId: 'D3.ENTERTAINMENT', points: (c) => c.edition.D3.entertainmentPoints };
    case 'INSULT':
      return {
        indicatorCode: 'D3',
        ruleId: entry.kind === 'EMOTIONAL' ? 'D3.EMOTIONAL' : 'D3.INSULT',
        points: (c) => c.edition.D3.insultPoints,
      };
    case 'COMMERCIAL_SPAM':
      return { indicatorCode: 'D3', ruleId: 'D3.ADVERTISEMENT', points: (c) => c.edition.D3.adPoints };
    case 'FORCED_FOLLOW':
      return { indicatorCode: 'D9', ruleId: 'D9.FORCED_FOLLOW', points: (c) => c.edition.D9.forcedFollowPoints };
    case 'TYPO':
      return { indicatorCode: 'D2', ruleId: 'D2.TYPO', points: (c) => c.edition.D2.typoPoints };
    case 'CORRECTION':
      return isReply
        ? null
        : { indicatorCode: 'D2', ruleId: 'D2.CORRECTION', points: (c) => c.edition.D2.correctionPoints };
    case 'CANNED_REPLY':
      return isReply
        ? { indicatorCode: 'D5', ruleId: 'D5.INAPPROPRIATE_REPLY', points: (c) => c.edition.D5.inappropriatePoints }
        : null;
    default:
      return null;
  }
}

/** One finding per rule per source item: a post repeating a word is one problem, not many. */
function scan(
  text: string,
  base: Partial<Evidence>,
  isReply: boolean,
  ctx: ScoringContext,
  seen: Set<string>,
  out: Finding[],
  extra: (rule: Rule) => Record<string, unknown> = () => ({}),
) {
  const leaders: TextMatch[] = [];
  for (const m of ctx.matcher.search(text)) {
    // A leader's name is no error by itself; how it is titled and ordered is judged below.
    if (m.entry.titles?.length && !m.variant) {
      leaders.push(m);
      continue;
    }
    const rule = ruleFor(m, isReply);
    if (!rule) continue;
    // "Each typo −1": distinct typos in one item count separately; every other rule counts once per item.
    const key = `${rule.ruleId}|${base.sourceId}${rule.ruleId === 'D2.TYPO' ? `|${m.term}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      finding(
        {
          indicatorCode: rule.indicatorCode,
          ruleId: rule.ruleId,
          status: 'SUSPECTED',
          points: rule.isVeto ? 0 : rule.points(ctx),
          isVeto: rule.isVeto,
        },
        {
          ...base,
          spanStart: m.start,
          spanEnd: m.end,
          matchedText: text.slice(m.start, m.end),
          lexiconEntry: m.term,
          details: {
            category: m.entry.category,
            correct: m.entry.correct ?? null,
            ...(m.variant ? { variant: m.variant } : {}),
            ...extra(rule),
          },
        },
      ),
    );
  }
  if (leaders.length > 0) leaderFindings(text, leaders, base, seen, out);
}

function leaderFindings(
  text: string,
  leaders: TextMatch[],
  base: Partial<Evidence>,
  seen: Set<string>,
  out: Finding[],
) {
  for (const issue of leaderIssues(text, leaders)) {
    const ruleId = issue.kind === 'TITLE' ? 'V1.1.LEADER_TITLE' : 'V1.1.LEADER_ORDER';
    const key = `${ruleId}|${base.sourceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const details: Record<string, string | null> =
      issue.kind === 'TITLE'
        ? {
            category: 'PROTECTED_TERM',
            title: issue.title,
            correct: issue.titles.map((t) => `${t}${issue.name}`).join('、') || null,
          }
        : { category: 'PROTECTED_TERM', correct: issue.expected.join('、') };
    out.push(
      finding(
        { indicatorCode: 'V1.1', ruleId, status: 'SUSPECTED', points: 0, isVeto: true },
        {
          ...base,
          spanStart: issue.start,
          spanEnd: issue.end,
          matchedText: text.slice(issue.start, issue.end),
          lexiconEntry: issue.kind === 'TITLE' ? issue.name : issue.names.join('、'),
          details,
        },
      ),
    );
  }
}

/** V1.3 links: one finding per item, like the text rules; its key stays the first blocked link so reviews carry over. */
function prohibitedLinks(p: PostFact, ctx: ScoringContext, out: Finding[]) {
  const blocked: Array<{ link: string; domain: string }> = [];
  for (const link of p.links) {
    let host = '';
    try {
      host = new URL(link).hostname.toLowerCase();
    } catch {
      continue;
    }
    const domain = [...ctx.prohibitedDomains].find((d) => host === d || host.endsWith(`.${d}`));
    if (domain && !blocked.some((b) => b.link === link)) blocked.push({ link, domain });
  }
  const [first] = blocked;
  if (!first) return;
  out.push(
    finding(
      { indicatorCode: 'V1.3', ruleId: 'V1.3.PROHIBITED_LINK', status: 'SUSPECTED', points: 0, isVeto: true },
      {
        ...postEvidence(p, null),
        matchedText: first.link,
        lexiconEntry: first.domain,
        details: { key: first.link, blockedLinks: blocked.length },
      },
    ),
  );
}

/** Lexicon-driven rules over the account's own items and replies in the content window (V1.1–V1.3, D2, D3, D5, D9). */
export function detectTextRules(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const from = new Date(ctx.monitoringAt.getTime() - ctx.edition.contentWindowDays * DAY_MS);
  const inWindow = (t: Date) => t > from && t <= ctx.monitoringAt;
  for (const p of h.posts) {
    if (!inWindow(p.publishedAt)) continue;
    if (p.title) scan(p.title, postEvidence(p, 'title'), false, ctx, seen, out);
    const corrects = (rule: Rule) =>
      rule.ruleId === 'D2.CORRECTION' ? correctionDetails(correctedItemFor(p, h.posts)) : {};
    scan(p.text, postEvidence(p, 'text'), false, ctx, seen, out, corrects);
    if (p.repostOfText) scan(p.repostOfText, postEvidence(p, 'repostOfText'), false, ctx, seen, out);
    prohibitedLinks(p, ctx, out);
  }
  for (const c of h.comments) {
    if (c.isOwnReply && inWindow(c.publishedAt)) scan(c.text, commentEvidence(c), true, ctx, seen, out);
  }
  return { findings: out, insufficient: [], notApplicable: [] };
}

/** V1.1–V1.3, D2 and D3 (D2's deleted corrections: corrections.ts); D5's and D9's sections, which it also reads: replies.ts, operations.ts. */
export const textRules = declareDetector({
  fields: {
    D2: indicatorSection({ typoPoints: points, correctionPoints: points }),
    D3: indicatorSection({ entertainmentPoints: points, insultPoints: points, adPoints: points }),
  },
  vetoFields: {
    V1_1: z.object({ enabled: z.boolean() }),
    V1_2: z.object({ enabled: z.boolean() }),
    V1_3: z.object({ enabled: z.boolean() }),
  },
  baseline: {
    D2: { max: 20, typoPoints: 1, correctionPoints: 5 },
    D3: { max: 20, entertainmentPoints: 2, insultPoints: 5, adPoints: 5 },
  },
  vetoBaseline: { V1_1: { enabled: true }, V1_2: { enabled: true }, V1_3: { enabled: true } },
  since: 1,
  detect: detectTextRules,
});
