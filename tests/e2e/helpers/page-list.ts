import { SECTIONS, type SectionId } from '@/lib/sections';

export type Role = 'supervisor' | 'auditor' | 'admin';

/**
 * Every page of the app (app/**\/page.tsx but the sign-in and forbidden pages) with the section that guards it.
 * `:agency`, `:account` and `:edition` stand for one seeded record each (pagesOf resolves them). The phone-layout,
 * accessibility and words-not-codes specs visit these; tests/unit/lib/e2e-pages.test.ts fails when a page is missing.
 */
export const PAGES: ReadonlyArray<{ path: string; section: SectionId }> = [
  { path: '/', section: 'overview' },
  { path: '/alerts', section: 'alerts' },
  { path: '/agencies', section: 'agencies' },
  { path: '/agencies/:agency', section: 'agencies' },
  { path: '/accounts/:account', section: 'agencies' },
  { path: '/findings', section: 'findings' },
  { path: '/rectifications', section: 'rectifications' },
  { path: '/inspections', section: 'inspections' },
  { path: '/repost-tasks', section: 'repostTasks' },
  { path: '/assessment', section: 'assessment' },
  { path: '/exports', section: 'exports' },
  { path: '/settings/tokens', section: 'api' },
  { path: '/settings/api', section: 'api' },
  { path: '/settings/notifications', section: 'notifications' },
  { path: '/settings/notifications/deliveries', section: 'notifications' },
  { path: '/admin', section: 'admin' },
  { path: '/admin/agencies', section: 'admin' },
  { path: '/admin/agencies/:agency', section: 'admin' },
  { path: '/admin/accounts', section: 'admin' },
  { path: '/admin/accounts/:account', section: 'admin' },
  { path: '/admin/accounts/new', section: 'admin' },
  { path: '/admin/accounts/import', section: 'admin' },
  { path: '/admin/users', section: 'admin' },
  { path: '/admin/lexicons', section: 'admin' },
  { path: '/admin/editions', section: 'admin' },
  { path: '/admin/editions/:edition', section: 'admin' },
  { path: '/admin/credentials', section: 'admin' },
  { path: '/admin/health', section: 'admin' },
];

/** The pages `role` may open (by the section table the navigation and the guards use), placeholders unresolved. */
export function pathsOf(role: Role): string[] {
  const upper = role.toUpperCase() as (typeof SECTIONS)[SectionId]['roles'][number];
  return PAGES.filter((p) => (SECTIONS[p.section].roles as readonly string[]).includes(upper)).map((p) => p.path);
}
