// Words for the codes the product stores (indicators, rules, crawl errors). Keys are built from stored codes at
// run time, so the typed key union of `t` cannot apply. tests/unit/i18n/code-labels.test.ts checks that every
// code the product can store has its words in both locales; the raw code is only a last resort.

export type LooseTranslate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** next-intl's typed `t` as a translator for keys built from codes. */
export const loose = (t: unknown): LooseTranslate => t as LooseTranslate;

/** An indicator's code with its name, e.g. "D3 内容不规范": codes never stand alone. */
export function indicatorLabel(t: LooseTranslate, code: string): string {
  const key = `findings.indicators.${code.replaceAll('.', '_')}`;
  return t.has(key) ? `${code} ${t(key)}` : code;
}

/** A rule's name, e.g. "疑似广告营销" for D3.ADVERTISEMENT. */
export function ruleLabel(t: LooseTranslate, ruleId: string): string {
  const key = `rules.${ruleId.replaceAll('.', '_')}`;
  return t.has(key) ? t(key) : ruleId;
}

/** Why a crawl failed, in words (RATE_LIMITED → 被限流). */
export function crawlErrorLabel(t: LooseTranslate, kind: string): string {
  const key = `crawlErrors.${kind}`;
  return t.has(key) ? t(key) : kind;
}
