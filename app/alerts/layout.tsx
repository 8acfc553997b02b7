import type { ReactNode } from 'react';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';

// Checked outside the segment's loading boundary, so a refused visitor gets a real redirect, not a streamed page.
export default async function Layout({ children }: { children: ReactNode }) {
  await requirePageAccess(READ_ROLES);
  return children;
}
