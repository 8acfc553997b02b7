import { hash53 } from './hash';
import type { Evidence, Finding, FindingStatus, PostFact, CommentFact } from './types';

const NO_EVIDENCE: Evidence = {
  sourceType: 'ACCOUNT',
  sourceId: null,
  url: null,
  platformId: null,
  publishedAt: null,
  field: null,
  spanStart: null,
  spanEnd: null,
  matchedText: null,
  lexiconEntry: null,
  details: {},
};

/** A finding with a fingerprint stable across inspections (indicator, rule, source, span). */
export function finding(
  f: { indicatorCode: string; ruleId: string; status: FindingStatus; points: number; isVeto?: boolean },
  evidence: Partial<Evidence>,
): Finding {
  const ev = { ...NO_EVIDENCE, ...evidence };
  const fingerprint = hash53(
    [
      f.indicatorCode,
      f.ruleId,
      ev.sourceType,
      ev.sourceId ?? '',
      ev.field ?? '',
      ev.spanStart ?? '',
      ev.lexiconEntry ?? '',
      ev.details.key ?? '',
    ].join('|'),
  );
  return { ...f, isVeto: f.isVeto ?? false, fingerprint, evidence: ev };
}

export const postEvidence = (p: PostFact, field: Evidence['field'] = 'text'): Partial<Evidence> => ({
  sourceType: 'POST',
  sourceId: p.id,
  url: p.url,
  platformId: p.platformId,
  publishedAt: p.publishedAt,
  field,
});

export const commentEvidence = (c: CommentFact): Partial<Evidence> => ({
  sourceType: 'COMMENT',
  sourceId: c.id,
  url: c.url,
  platformId: null,
  publishedAt: c.publishedAt,
  field: 'text',
});
