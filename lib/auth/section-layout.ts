import 'server-only';
import type { ReactNode } from 'react';
import { SECTIONS, type SectionId } from '@/lib/sections';
import { requirePageAccess } from './session';

/**
 * The layout of a section: its one role guard, with the roles of lib/sections.ts. A layout sits outside the
 * segment's loading boundary, so a refused visitor gets a real redirect, not a streamed page.
 */
export function sectionLayout(id: SectionId) {
  return async function SectionLayout({ children }: { children: ReactNode }) {
    await requirePageAccess(SECTIONS[id].roles);
    return children;
  };
}
