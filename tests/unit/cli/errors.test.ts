import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { describeCliError } from '@/scripts/cli/errors';

describe('CLI error sentences', () => {
  it('an expected refusal is one sentence with its code, not a stack trace', () => {
    const text = describeCliError(new AppError('NOT_FOUND', 'notFound', { params: { thing: 'agency' } }));
    expect(text).toMatch(/^Refused \(NOT_FOUND\): .+\.$/);
    expect(text).not.toContain('\n    at ');
  });

  it('says what to do when the database is missing, unreachable or not migrated', () => {
    expect(describeCliError(new Error('DATABASE_URL is not set; start through `npm run dev`'))).toBe(
      'DATABASE_URL is not set: export DATABASE_URL=postgresql://user:pass@host:5432/db first.',
    );
    expect(
      describeCliError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe('Cannot reach the database at DATABASE_URL (ECONNREFUSED); is PostgreSQL running?');
    expect(
      describeCliError(Object.assign(new Error('The table `public.agency` does not exist'), { code: 'P2021' })),
    ).toBe('The database has no tables yet: run npm run db:migrate first.');
  });

  it('invalid input names the field', () => {
    const parsed = z.object({ email: z.email() }).safeParse({ email: 'nope' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeCliError(parsed.error)).toMatch(/^Invalid input:\n[\s\S]*email/);
  });
});
