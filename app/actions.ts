'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getAuth } from '@/lib/auth/auth';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

const localeSchema = z.enum(LOCALES);

/** Stores the UI language; a preference, not data, so it needs no role. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  return { ok: true };
}

/** Ends the session; signing out needs no role. */
export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect('/login');
}
