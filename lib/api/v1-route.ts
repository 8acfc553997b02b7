import 'server-only';
import type { z } from 'zod';
import { hasRole, type Access } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { getCurrentAccess } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError, isAppError } from '@/lib/errors';
import type { Role } from '@/lib/schemas/enums';
import { authenticateApiToken } from '@/lib/services/authenticate-api-token';
import { recordAudit } from '@/lib/services/record-audit';

// The one way into /api/v1 (docs/api.md): who is calling (a bearer token, else the dashboard's session cookie),
// the same role and scope checks as the pages, input through zod, errors in the stable shape of toErrorResponse,
// and an audit row for every call, refused ones included.

export type ApiContext<P> = { request: Request; access: Access; params: P; now: Date; tokenId: string | null };
type Handler<P> = (ctx: ApiContext<P>) => Promise<Response | object>;
type RouteArgs<P> = { params: Promise<P> };

/** Parses the query string with a strict schema: an unknown or malformed parameter is a 400 naming it. */
export function parseQuery<T extends z.ZodType>(schema: T, request: Request): z.output<T> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

/**
 * Parses a JSON body; a body that is not JSON, or not sent as application/json, is validated as missing (a 400 from
 * the schema). Requiring the JSON media type also means a cross-site form cannot post with the session cookie: such
 * a request needs a CORS preflight, which this app never grants.
 */
export async function parseBody<T extends z.ZodType>(schema: T, request: Request): Promise<z.output<T>> {
  const isJson = /^application\/json\b/i.test(request.headers.get('content-type') ?? '');
  const body: unknown = isJson ? await request.json().catch(() => undefined) : undefined;
  return schema.parse(body);
}

async function identify(request: Request, now: Date): Promise<{ access: Access | null; tokenId: string | null }> {
  const header = request.headers.get('authorization');
  if (header === null) return { access: await getCurrentAccess(), tokenId: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AppError('UNAUTHORIZED', 'apiTokenRefused');
  return authenticateApiToken({ secret: match[1], now });
}

const tokenIdOf = (error: unknown): string | null => {
  const details = isAppError(error) ? error.details : undefined;
  return details && typeof details === 'object' && 'tokenId' in details && typeof details.tokenId === 'string'
    ? details.tokenId
    : null;
};

export function apiV1Route<P = Record<string, never>>(roles: readonly Role[], handler: Handler<P>) {
  return async (request: Request, args?: RouteArgs<P>): Promise<Response> => {
    const now = new Date();
    let caller: { userId: string | null; tokenId: string | null } = { userId: null, tokenId: null };
    let response: Response;
    try {
      const { access, tokenId } = await identify(request, now);
      caller = { userId: access?.userId ?? null, tokenId };
      if (!access) throw new AppError('UNAUTHORIZED', 'signInFirst');
      if (!hasRole(access, roles)) throw new AppError('FORBIDDEN', 'roleNotAllowed');
      const result = await handler({ request, access, params: (await args?.params) ?? ({} as P), now, tokenId });
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      caller.tokenId ??= tokenIdOf(error);
      response = await toErrorResponse(error, request);
      if (response.status === 429) response.headers.set('retry-after', '60');
    }
    response.headers.set('cache-control', 'no-store');
    await audit(request, response.status, { ...caller, viaToken: request.headers.has('authorization') });
    return response;
  };
}

async function audit(
  request: Request,
  status: number,
  caller: { userId: string | null; tokenId: string | null; viaToken: boolean },
) {
  const url = new URL(request.url);
  try {
    await recordAudit(getDb(), {
      actorId: caller.userId,
      action: 'api.call',
      entityType: caller.viaToken ? 'api_token' : 'session',
      entityId: caller.tokenId,
      after: { method: request.method, path: url.pathname, query: url.search.slice(0, 500), status },
    });
  } catch (error) {
    // The answer is already decided; a failed audit write is logged, not turned into a different answer.
    console.error('api audit failed', error);
  }
}
