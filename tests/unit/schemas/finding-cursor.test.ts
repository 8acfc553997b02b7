import { describe, expect, it } from 'vitest';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { decodeFindingCursor, encodeFindingCursor } from '@/lib/schemas/finding-cursor';

const key = {
  isVeto: true,
  createdAt: new Date('2026-11-25T04:00:00.123Z'),
  id: '019ab2c4-0000-7000-8000-000000000001',
};

describe('findings cursor', () => {
  it('round-trips the sort key and is URL-safe', () => {
    const cursor = encodeFindingCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFindingCursor(cursor)).toEqual(key);
    expect(findingFilterSchema.parse({ after: cursor, page: '3' })).toMatchObject({ after: cursor, page: 3 });
  });

  it('refuses anything it did not make', () => {
    const forged = (v: unknown) => btoa(JSON.stringify(v));
    for (const bad of [
      '',
      '!!!',
      'e30',
      forged([2, key.createdAt.toISOString(), key.id]),
      forged([1, 'yesterday', key.id]),
      forged([1, key.createdAt.toISOString(), "x' OR 1=1"]),
    ]) {
      expect(decodeFindingCursor(bad)).toBeNull();
      expect(findingFilterSchema.safeParse({ before: bad }).success).toBe(false);
    }
  });
});
