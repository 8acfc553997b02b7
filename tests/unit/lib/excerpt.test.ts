import { describe, expect, it } from 'vitest';
import { excerptAround } from '@/lib/excerpt';

describe('excerptAround', () => {
  it('keeps the span pointing at the same characters after cutting the text', () => {
    const text = `${'甲'.repeat(100)}你最好永远别来${'乙'.repeat(100)}`;
    const start = 100;
    const end = 107;
    const ex = excerptAround(text, start, end, 10);
    expect(ex.excerpt.startsWith('…')).toBe(true);
    expect(ex.excerpt.endsWith('…')).toBe(true);
    expect(ex.excerpt.slice(ex.spanStart ?? 0, ex.spanEnd ?? 0)).toBe('你最好永远别来');
  });

  it('returns no span for offsets outside the text', () => {
    expect(excerptAround('短文本', 2, 10)).toEqual({ excerpt: '短文本', spanStart: null, spanEnd: null });
  });
});
