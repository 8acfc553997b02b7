// Long-running processes `npm run dev` starts next to the web app, with the same DATABASE_URL.
// With demo data (embedded database, or XUNJIAN_DEMO=1) the whole pipeline runs offline: the demo sandbox serves
// the province over the platforms' wire formats, and the worker crawls it (CRAWLER_SANDBOX_URL), stores, scores
// inspections started from the dashboard and raises alerts. Against a real database the worker crawls only when
// WORKER_CRAWL=on, with the *_ORIGIN variables of .env.example.
const SANDBOX_PORT = process.env.DEMO_SANDBOX_PORT ?? '4010';
/** Platforms the demo sandbox serves (lib/demo/sandbox.ts). */
const DEMO_CRAWL_PLATFORMS = 'WEIBO,WECHAT,DOUYIN,TOUTIAO,APP_IOS,APP_ANDROID';

export function devCompanions({ isDemo }) {
  // Small pools: the embedded database accepts 10 connections and the web app keeps 5.
  const pools = { WORKER_CONCURRENCY: '1', WORKER_QUEUE_POOL_SIZE: '1', DATABASE_POOL_SIZE: '2' };
  if (!isDemo || process.env.WORKER_CRAWL === 'off') {
    return [
      {
        name: 'worker',
        command: process.execPath,
        args: ['--import', 'tsx', 'crawlers/main.ts'],
        env: { WORKER_CRAWL: process.env.WORKER_CRAWL ?? 'off', ...pools },
      },
    ];
  }
  return [
    {
      name: 'sandbox',
      command: process.execPath,
      args: ['--import', 'tsx', 'crawlers/sandbox/demo.ts', '--port', SANDBOX_PORT],
      env: { DATABASE_POOL_SIZE: '1' },
    },
    {
      name: 'worker',
      command: process.execPath,
      args: ['--import', 'tsx', 'crawlers/main.ts'],
      env: {
        ...pools,
        WORKER_CRAWL: 'on',
        WORKER_CRAWL_PLATFORMS: process.env.WORKER_CRAWL_PLATFORMS ?? DEMO_CRAWL_PLATFORMS,
        WORKER_CRAWL_INTERVAL_MINUTES: process.env.WORKER_CRAWL_INTERVAL_MINUTES ?? '60',
        // The crawl plan re-reads every demo account hourly (spare capacity; docs/deployment.md "Crawl plan").
        CRAWL_REFRESH_HOURS: process.env.CRAWL_REFRESH_HOURS ?? '1',
        CRAWLER_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}`,
        CRAWLER_MIN_DELAY_MS: '200',
      },
    },
  ];
}
