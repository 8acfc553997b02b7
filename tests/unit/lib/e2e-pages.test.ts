import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES, pathsOf } from '../../e2e/helpers/page-list';

const APP = join(import.meta.dirname, '../../../app');
/** Pages no signed-in role walks: the sign-in page (its own e2e tests) and the forbidden notice. */
const NOT_WALKED = ['/login', '/forbidden'];

function pageRoutes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageRoutes(path);
    if (name !== 'page.tsx') return [];
    const route = `/${relative(APP, dir)}`.replace(/\/$/, '') || '/';
    return [route.replace(/\([^/]+\)\/?/g, '')];
  });
}

describe('the pages the e2e specs walk (tests/e2e/helpers/page-list.ts)', () => {
  it('list every page of app/, detail pages with a placeholder', () => {
    const listed = PAGES.map((p) => p.path.replace(/:[a-z]+/g, '[id]')).sort();
    const routes = pageRoutes(APP)
      .filter((r) => !NOT_WALKED.includes(r))
      .sort();
    expect(listed).toEqual(routes);
  });

  it('give each role the pages its sections allow', () => {
    expect(pathsOf('auditor')).toContain('/settings/tokens');
    expect(pathsOf('auditor')).toContain('/settings/api');
    // Notification settings are for supervisors and administrators (REVIEW_ROLES).
    expect(pathsOf('auditor')).not.toContain('/settings/notifications');
    for (const role of ['supervisor', 'admin'] as const) {
      expect(pathsOf(role)).toEqual(
        expect.arrayContaining([
          '/settings/notifications',
          '/settings/notifications/deliveries',
          '/settings/tokens',
          '/settings/api',
        ]),
      );
    }
    expect(pathsOf('supervisor').some((p) => p.startsWith('/admin'))).toBe(false);
    expect(pathsOf('admin')).toContain('/admin/health');
  });
});
