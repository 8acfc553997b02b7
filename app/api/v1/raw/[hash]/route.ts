// GET /api/v1/raw/{hash} – one archived platform answer as received (evidence), for callers who can read an account
// whose crawl used it. Always a download (application/octet-stream): platform HTML must not run on this origin.
import { READ_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { getRawResponse } from '@/lib/services/get-raw-response';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route<{ hash: string }>(READ_ROLES, async ({ access, params }) => {
  const raw = await getRawResponse({ access, hash: params.hash });
  return new Response(raw.body, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="raw-${raw.hash.slice(0, 16)}.bin"`,
      'x-content-type-options': 'nosniff',
      'x-raw-sha256': raw.hash,
      'x-raw-status': String(raw.status),
      'x-raw-fetched-at': raw.fetchedAt.toISOString(),
    },
  });
});
