// GET /api/raw/<sha256> – one archived platform answer as received (evidence), for users who can read an account whose
// crawl used it. Served as a download, never rendered: platform HTML must not run on this origin.
import { READ_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { getRawResponse } from '@/lib/services/get-raw-response';

export const dynamic = 'force-dynamic';

const extensionOf = (contentType: string | null) =>
  contentType?.includes('json')
    ? 'json'
    : contentType?.includes('html')
      ? 'html'
      : contentType?.includes('xml')
        ? 'xml'
        : 'txt';

export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }): Promise<Response> {
  try {
    const access = await requireAccess(READ_ROLES);
    const raw = await getRawResponse({ access, hash: (await params).hash });
    return new Response(raw.body, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="raw-${raw.hash.slice(0, 16)}.${extensionOf(raw.contentType)}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'x-raw-sha256': raw.hash,
        'x-raw-url': raw.url,
        'x-raw-status': String(raw.status),
        'x-raw-content-type': raw.contentType ?? '',
        'x-raw-fetched-at': raw.fetchedAt.toISOString(),
      },
    });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
