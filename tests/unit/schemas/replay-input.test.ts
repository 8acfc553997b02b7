import { describe, expect, it } from 'vitest';
import { replayInputSchema } from '@/lib/schemas/snapshot';

describe('replayInputSchema.since', () => {
  it('keeps a stored ISO instant and reads a bare day as the start of that Beijing day, not UTC midnight', () => {
    expect(
      replayInputSchema.parse({ since: '2026-12-03T16:30:00.000Z', captureComplete: true }).since.toISOString(),
    ).toBe('2026-12-03T16:30:00.000Z');
    expect(replayInputSchema.parse({ since: '2026-12-04', captureComplete: true }).since.toISOString()).toBe(
      '2026-12-03T16:00:00.000Z',
    );
  });

  it('refuses what is not a date', () => {
    expect(replayInputSchema.safeParse({ since: 'soon', captureComplete: true }).success).toBe(false);
  });
});
