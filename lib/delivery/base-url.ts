/** The dashboard's address for links in messages: XUNJIAN_BASE_URL, else BETTER_AUTH_URL, else local (docs/notifications.md). */
export const dashboardBaseUrl = (env: Record<string, string | undefined> = process.env): string =>
  (env.XUNJIAN_BASE_URL || env.BETTER_AUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
