import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // `npm run typecheck` is its own CI step; checking again inside `next build` only doubles the time.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native or wasm parts stay out of the bundle.
  serverExternalPackages: ['pg-boss', 'playwright-core', '@electric-sql/pglite', 'exceljs'],
};

export default withNextIntl(nextConfig);
