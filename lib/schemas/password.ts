import { passwordProblem } from '@/lib/security/password-strength';
import { text } from './text';

/**
 * A new password (user creation, reset, change): at least 12 characters that are not mostly blank, at most 128,
 * not a common password and estimated strong enough (lib/security/password-strength.ts). Each refusal is a
 * localized message (validation.password*). Sign-in never applies it: old passwords still work.
 */
export const newPassword = () =>
  text().superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.${problem}` });
  });
