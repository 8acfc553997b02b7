import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password strength estimate (zxcvbn: guesses against dictionaries of common passwords, names, keyboard walks,
 * repeats, sequences, dates). Score 0–4; 3 = "safely unguessable" for an online attacker and slows an offline one.
 * Built on first use: the dictionaries take a moment to index. Levenshtein matching is off: it made a single check
 * take seconds on long inputs and changed no verdict on the passwords we tried.
 */
let factory: ZxcvbnFactory | undefined;

export type PasswordVerdict = { score: number; common: boolean };

export function estimatePassword(password: string, userInputs: string[] = []): PasswordVerdict {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: false });
  const result = factory.check(password, userInputs);
  const warning = result.feedback.warning ?? '';
  return { score: result.score, common: /common|similarToCommon|topTen|topHundred/i.test(warning) };
}

export const MIN_PASSWORD_LENGTH = 12;
/** better-auth refuses longer passwords at sign-in (maxPasswordLength), so none longer may be set. */
export const MAX_PASSWORD_LENGTH = 128;
export const MIN_PASSWORD_SCORE = 3;

/** The first rule a new password breaks, as a validation key (messages: errors.validation.*), or null. */
export function passwordProblem(
  password: string,
  userInputs: string[] = [],
): 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordTooWeak' | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || password.trim().length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const verdict = estimatePassword(password, userInputs);
  if (verdict.common) return 'passwordCommon';
  return verdict.score < MIN_PASSWORD_SCORE ? 'passwordTooWeak' : null;
}
