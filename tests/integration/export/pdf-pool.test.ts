import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { exportLabels } from '@/lib/export/labels';
import { launchSystemChromium, PdfPool } from '@/lib/export/pdf-pool';
import { renderPdf } from '@/lib/export/render-pdf';
import { readPdf } from '../../helpers/pdf-text';
import { fixtureDocument } from '../../helpers/export-fixture';

// Real Chromium (/usr/bin/chromium). The pool's own counters are checked against what the browser itself reports:
// the pages open in every context of every launched browser, sampled while each render holds its page.

const labels = exportLabels('zh-CN');
let pools: PdfPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

function countingPool(size: number, options: { idleMs?: number; maxQueued?: number } = {}) {
  const browsers: Browser[] = [];
  const pool = new PdfPool({
    size,
    idleMs: options.idleMs ?? 60_000,
    maxQueued: options.maxQueued ?? 50,
    launch: async () => {
      const browser = await launchSystemChromium();
      browsers.push(browser);
      return browser;
    },
  });
  pools.push(pool);
  const openPages = () =>
    browsers
      .filter((b) => b.isConnected())
      .flatMap((b) => b.contexts())
      .flatMap((c) => c.pages()).length;
  return { pool, browsers, openPages };
}

describe('shared PDF pool', () => {
  it('prints 6 concurrent documents on one browser with at most 2 pages open at once', async () => {
    const { pool, browsers, openPages } = countingPool(2);
    const doc = fixtureDocument();
    // The browser's own page count, sampled every 10 ms during the whole run.
    const seen: number[] = [];
    const sampler = setInterval(() => seen.push(openPages()), 10);
    const results = await Promise.all(Array.from({ length: 6 }, () => renderPdf(doc, labels, pool))).finally(() =>
      clearInterval(sampler),
    );
    for (const bytes of results) {
      expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('%PDF');
      expect(readPdf(Buffer.from(bytes)).pageCount).toBeGreaterThanOrEqual(2);
    }
    expect(browsers).toHaveLength(1);
    const stats = pool.snapshot();
    expect(stats.launches).toBe(1);
    expect(stats.maxOpenPages).toBe(2);
    expect(stats.maxQueued).toBeGreaterThanOrEqual(1);
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(1);
    expect(stats.openPages).toBe(0);
    expect(openPages()).toBe(0);
  });

  it('closes the idle browser and launches a new one for the next print', async () => {
    const { pool, browsers } = countingPool(2, { idleMs: 200 });
    await renderPdf(fixtureDocument(), labels, pool);
    expect(browsers[0]?.isConnected()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(pool.snapshot().isBrowserOpen).toBe(false);
    expect(browsers[0]?.isConnected()).toBe(false);
    await renderPdf(fixtureDocument(), labels, pool);
    expect(pool.snapshot().launches).toBe(2);
  });

  it('a crashed browser is replaced on the next print', async () => {
    const { pool, browsers } = countingPool(1);
    await renderPdf(fixtureDocument(), labels, pool);
    await browsers[0]?.close();
    const bytes = await renderPdf(fixtureDocument(), labels, pool);
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(pool.snapshot().launches).toBe(2);
  });

  it('refuses a print beyond the queue bound with a localized error, and the others still print', async () => {
    const { pool } = countingPool(1, { maxQueued: 1 });
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => renderPdf(fixtureDocument(), labels, pool)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = outcomes[2];
    expect(refused?.status === 'rejected' && isAppError(refused.reason) && refused.reason.key).toBe('pdfQueueFull');
  });
});
