import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/schemas/enums';
import { getUserAccess } from '@/lib/services/get-user-access';
import { hasRole, type Access } from '@/lib/access';
import { getAuth } from './auth';
// Every action and route authenticates through this module: from here on audit rows carry the client address.
import './request-ip';

/**
 * The current user's access, or null when signed out. The root layout, a segment layout and the page each ask for
 * it; `cache` makes that one session and one grants query per request.
 */
export const getCurrentAccess = cache(async (): Promise<Access | null> => {
  // headers() first: it marks the render dynamic before anything touches the database.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return getUserAccess({ userId: session.user.id });
});

/** For pages: redirects to sign-in when signed out, to /forbidden when no role matches. */
export async function requirePageAccess(roles: readonly Role[]): Promise<Access> {
  const access = await getCurrentAccess();
  if (!access) redirect('/login');
  if (!hasRole(access, roles)) redirect('/forbidden');
  return access;
}

/** For actions and route handlers: throws AppError UNAUTHORIZED/FORBIDDEN. */
export async function requireAccess(roles: readonly Role[]): Promise<Access> {
  const access = await getCurrentAccess();
  if (!access) throw new AppError('UNAUTHORIZED', 'signInFirst');
  if (!hasRole(access, roles)) throw new AppError('FORBIDDEN', 'roleNotAllowed');
  return access;
}
