import { describe, expect, it } from 'vitest';
import { dispositionFilename } from '@/components/exports/download-response';

describe('dispositionFilename', () => {
  it('prefers the UTF-8 name the export routes send, else the ASCII one', () => {
    const header = `attachment; filename="inspection-notice-2026Q4.pdf"; filename*=UTF-8''${encodeURIComponent('巡检通报-江川省-2026Q4.pdf')}`;
    expect(dispositionFilename(header)).toBe('巡检通报-江川省-2026Q4.pdf');
    expect(dispositionFilename('attachment; filename="inspection-notice-2026Q4.pdf"')).toBe(
      'inspection-notice-2026Q4.pdf',
    );
    expect(dispositionFilename(`attachment; filename="a.pdf"; filename*=UTF-8''%E0%A4%A`)).toBe('a.pdf');
    expect(dispositionFilename(null)).toBeNull();
  });
});
