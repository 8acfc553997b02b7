import { e2eDb } from './db';
import { pathsOf, type Role } from './page-list';

export { PAGES, pathsOf, type Role } from './page-list';

/** One seeded record per placeholder of a page path (tests/e2e/helpers/page-list.ts). */
async function seededRecords(): Promise<Record<string, string>> {
  const db = e2eDb();
  try {
    const account = await db.account.findFirstOrThrow({
      where: { lifecycle: 'OPEN', platformCode: 'WEIBO' },
      orderBy: { handle: 'asc' },
    });
    const agency = await db.agency.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { name: 'asc' } });
    const edition = await db.indicatorEdition.findFirstOrThrow({ orderBy: { code: 'asc' } });
    return { ':account': account.id, ':agency': agency.id, ':edition': edition.id };
  } finally {
    await db.$disconnect();
  }
}

/** `paths` with their placeholders replaced by seeded records. */
export async function resolvePaths(paths: string[]): Promise<string[]> {
  const records = await seededRecords();
  return paths.map((p) => p.replace(/:[a-z]+/g, (key) => records[key] ?? key));
}

/** Every page a role can open in the seeded demo, detail pages resolved to one seeded record each. */
export async function pagesOf(role: Role): Promise<string[]> {
  return resolvePaths(pathsOf(role));
}

/** A file-name-safe name for a page path. */
export function slug(path: string): string {
  if (path === '/') return 'overview';
  return path
    .slice(1)
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, 'detail')
    .replace(/[^a-z0-9]+/gi, '-');
}
