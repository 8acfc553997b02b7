import { chromium, type Browser, type Page } from 'playwright-core';
import { AppError } from '@/lib/errors';

/**
 * One Chromium per process, shared by every PDF: launching a browser per request cost ~1 s of CPU and ~150 MB each,
 * and six concurrent exports took ~27 s apiece (issue 13). At most `size` pages print at once; the rest wait in a FIFO
 * queue of at most `maxQueued` (beyond it the export is refused with a clear message, not left to time out). The
 * browser is closed after `idleMs` without work and launched again on the next print. docs/documents.md, "PDF printing".
 */
export type PdfPoolOptions = {
  size: number;
  idleMs: number;
  maxQueued: number;
  launch: () => Promise<Browser>;
};

export type PdfPoolStats = {
  launches: number;
  openPages: number;
  maxOpenPages: number;
  queued: number;
  maxQueued: number;
  isBrowserOpen: boolean;
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The system Chromium (never a downloaded browser). */
export const launchSystemChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });

const envInt = (name: string, fallback: number, min: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
};

/** Pool settings from the environment: PDF_POOL_SIZE (2), PDF_BROWSER_IDLE_SECONDS (60), PDF_QUEUE_MAX (50). */
export function pdfPoolOptionsFromEnv(): PdfPoolOptions {
  return {
    size: envInt('PDF_POOL_SIZE', 2, 1),
    idleMs: envInt('PDF_BROWSER_IDLE_SECONDS', 60, 1) * 1000,
    maxQueued: envInt('PDF_QUEUE_MAX', 50, 0),
    launch: launchSystemChromium,
  };
}

export class PdfPool {
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly waiting: Array<() => void> = [];
  private open = 0;
  private readonly stats = { launches: 0, maxOpenPages: 0, maxQueued: 0 };

  constructor(private readonly options: PdfPoolOptions) {}

  /** Runs `fn` on a fresh page (own context: no JavaScript, offline) once a slot is free; the page is closed after. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const browser = await this.ensureBrowser();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        return await fn(page);
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  snapshot(): PdfPoolStats {
    return { ...this.stats, openPages: this.open, queued: this.waiting.length, isBrowserOpen: this.browser !== null };
  }

  /** Closes the browser now (tests, shutdown); a later print launches a new one. */
  async close(): Promise<void> {
    this.clearIdle();
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }

  private async acquire(): Promise<void> {
    this.clearIdle();
    if (this.open < this.options.size) {
      this.took();
      return;
    }
    if (this.waiting.length >= this.options.maxQueued)
      throw new AppError('CONFLICT', 'pdfQueueFull', { params: { limit: this.options.maxQueued } });
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.stats.maxQueued = Math.max(this.stats.maxQueued, this.waiting.length);
    });
  }

  private took(): void {
    this.open += 1;
    this.stats.maxOpenPages = Math.max(this.stats.maxOpenPages, this.open);
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the next waiter: `open` stays the same.
      next();
      return;
    }
    this.open -= 1;
    if (this.open === 0) this.scheduleIdleClose();
  }

  private ensureBrowser(): Promise<Browser> {
    if (this.browser) return this.browser;
    this.stats.launches += 1;
    const launching = this.options.launch().then((b) => {
      // A crashed or killed browser is forgotten; the next print launches a new one.
      b.on('disconnected', () => {
        if (this.browser === launching) this.browser = null;
      });
      return b;
    });
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    this.browser = launching;
    return launching;
  }

  private scheduleIdleClose(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

// On globalThis: Next's dev server re-evaluates modules, and a second pool would mean a second browser.
const globalPool = globalThis as typeof globalThis & { xunjianPdfPool?: PdfPool };

/** The process's pool (the web server's and the worker's are separate processes, each with its own browser). */
export function sharedPdfPool(): PdfPool {
  globalPool.xunjianPdfPool ??= new PdfPool(pdfPoolOptionsFromEnv());
  return globalPool.xunjianPdfPool;
}
