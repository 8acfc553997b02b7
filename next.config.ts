import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // gzip in the app's one Node thread costs every request a few milliseconds of the thread that renders pages; behind
  // a reverse proxy that compresses (docs/deploying.md), HTTP_COMPRESSION=off leaves it to the proxy.
  compress: process.env.HTTP_COMPRESSION !== 'off',
  typedRoutes: false,
  // `npm run typecheck` is its own CI step; checking again inside `next build` only doubles the time.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native or wasm parts stay out of the bundle.
  // Server actions refuse bodies over 1 MB by default with a generic error page; imports allow 5 MB
  // (lib/import/upload-limits.ts MAX_IMPORT_BYTES), so the limit sits just above it (multipart overhead) and an
  // oversized file gets the import's own clear message. Raise both together.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  // Pages and routes get their security headers (and the CSP nonce) in proxy.ts; static files get these here.
  async headers() {
    return [{ source: '/_next/static/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }];
  },
  serverExternalPackages: ['pg-boss', 'playwright-core', '@electric-sql/pglite', 'exceljs'],
};

export default withNextIntl(nextConfig);
