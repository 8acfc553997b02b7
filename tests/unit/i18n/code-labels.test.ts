import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { LOCALES } from '@/lib/i18n/config';
import { PLATFORM_LIST, platformName } from '@/lib/platforms';
import { ALERT_KINDS } from '@/lib/schemas/alert';
import {
  ACCOUNT_LIFECYCLES,
  AGENCY_LEVELS,
  CRAWL_ERROR_KINDS,
  FILING_STATUSES,
  FINDING_STATUSES,
  PLATFORM_CODES,
  ROLES,
  SCORE_RESULTS,
} from '@/lib/schemas/enums';

// Issue 14 "words, not codes": every code the product stores and shows has its words in both locales, so the
// raw code (the last-resort fallback of components/ui/code-labels.ts) never reaches a user.

const MESSAGES = { 'zh-CN': zhCN, en } as Record<string, Record<string, unknown>>;
const has = (messages: Record<string, unknown>, key: string) =>
  typeof key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      messages,
    ) === 'string';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Rule ids the scoring detectors can emit: literals, plus D4's personal-data kinds (`D4.${hit.kind}`). */
function ruleIds(): string[] {
  const code = sources('lib/scoring')
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
  const literal = [...code.matchAll(/'((?:V|D)\d+(?:\.\d+)?\.[A-Z_]+)'/g)].map((m) => m[1]);
  expect(code).toContain('ruleId: `D4.${hit.kind}`');
  const piiKinds = [...readFileSync('lib/text/pii.ts', 'utf8').matchAll(/kind: '([A-Z_]+)'/g)].map((m) => `D4.${m[1]}`);
  expect(piiKinds.length).toBeGreaterThan(0);
  return [...new Set([...literal, ...piiKinds])].sort();
}

/** The members of the InsufficientReason union (a type, so read from its source). */
function insufficientReasons(): string[] {
  const src = readFileSync('lib/scoring/types.ts', 'utf8');
  const union = src.slice(
    src.indexOf('export type InsufficientReason ='),
    src.indexOf(';', src.indexOf('export type InsufficientReason =')),
  );
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
}

const RULES = ruleIds();
const INDICATORS = [...new Set(RULES.map((r) => r.replace(/\.[A-Z_]+$/, '')))];

const CASES: [string, readonly string[], (code: string) => string][] = [
  ['rule ids of lib/scoring detectors', RULES, (r) => `rules.${r.replaceAll('.', '_')}`],
  ['indicator codes', INDICATORS, (c) => `findings.indicators.${c.replaceAll('.', '_')}`],
  ['alert kinds', ALERT_KINDS, (k) => `alerts.kinds.${k}`],
  ['crawl error kinds', CRAWL_ERROR_KINDS, (k) => `crawlErrors.${k}`],
  ['score results', SCORE_RESULTS, (r) => `results.${r}`],
  ['finding statuses', FINDING_STATUSES, (s) => `findings.statuses.${s}`],
  ['inspection statuses', ['PENDING', 'RUNNING', 'DONE', 'FAILED'], (s) => `inspections.statuses.${s}`],
  ['repost target statuses', ['REPOSTED', 'MISSED', 'PENDING'], (s) => `repostTasks.statuses.${s}`],
  ['rectification states', ['OPEN', 'OVERDUE', 'DONE'], (s) => `rectifications.states.${s}`],
  ['insufficient-data reasons', insufficientReasons(), (r) => `account.unknown.reasons.${r}`],
  ['roles', ROLES, (r) => `roles.${r}`],
  ['agency levels', AGENCY_LEVELS, (l) => `agency.levels.${l}`],
  ['account lifecycles', ACCOUNT_LIFECYCLES, (l) => `account.lifecycle.${l}`],
  ['filing statuses', FILING_STATUSES, (s) => `account.filingStatus.${s}`],
];

describe('every code shown in the UI has words in both locales', () => {
  it('finds the codes it checks', () => {
    expect(RULES.length).toBeGreaterThan(35);
    expect(RULES).toContain('D3.ADVERTISEMENT');
    expect(RULES).toContain('D4.ID_CARD');
    expect(insufficientReasons()).toContain('DAYS_NOT_CRAWLED');
  });

  it.each(CASES)('%s', (_name, codes, keyOf) => {
    const missing = Object.entries(MESSAGES).flatMap(([locale, messages]) =>
      codes.filter((c) => !has(messages, keyOf(c))).map((c) => `${locale}: ${keyOf(c)}`),
    );
    expect(missing).toEqual([]);
  });

  it('the Chinese words of a code are not the code itself', () => {
    const same = CASES.flatMap(([, codes, keyOf]) =>
      codes.filter(
        (c) =>
          has(zhCN, keyOf(c)) &&
          /^[A-Z0-9_.]+$/.test(
            String(
              keyOf(c)
                .split('.')
                .reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], zhCN),
            ),
          ),
      ),
    );
    expect(same).toEqual([]);
  });
});

describe('platform names come from the client-safe platform list (lib/platforms.ts), not the message files', () => {
  it('every platform code has a name of its own in both locales, never the code', () => {
    for (const locale of LOCALES) {
      const names = PLATFORM_CODES.map((code) => platformName(code, locale));
      expect(names.filter((name, i) => name.trim() === '' || name === PLATFORM_CODES[i])).toEqual([]);
      expect(new Set(names).size).toBe(PLATFORM_CODES.length);
    }
    expect(PLATFORM_LIST.map((p) => p.code)).toEqual([...PLATFORM_CODES]);
  });

  it('an unknown stored code is shown as stored; an unknown locale falls back to Chinese', () => {
    expect(platformName('FAX', 'en')).toBe('FAX');
    expect(platformName('WEIBO', 'en')).toBe('Weibo');
    expect(platformName('WEIBO', 'fr')).toBe('微博');
  });

  it('the message files hold no per-platform keys (one list, no duplicates)', () => {
    for (const messages of Object.values(MESSAGES)) expect(messages.platforms).toBeUndefined();
  });
});
