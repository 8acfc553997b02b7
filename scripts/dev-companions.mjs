// Long-running processes `npm run dev` starts next to the web app, with the same DATABASE_URL.
// The worker scores inspections started from the dashboard and raises alerts. It does not crawl in dev
// (WORKER_CRAWL=off): the demo province is synthetic; set WORKER_CRAWL=on and point the *_ORIGIN variables at
// `npm run sandbox` or the real platforms to crawl.
export const DEV_COMPANIONS = [
  {
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', 'crawlers/main.ts'],
    // Small pools: the embedded database accepts 10 connections and the web app keeps 5.
    env: { WORKER_CRAWL: process.env.WORKER_CRAWL ?? 'off', WORKER_CONCURRENCY: '1', WORKER_QUEUE_POOL_SIZE: '1', DATABASE_POOL_SIZE: '2' },
  },
];
