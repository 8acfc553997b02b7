// npm run db:reference: the reference data every installation needs (the built-in indicator edition national-2019,
// the starter lexicons and the platform rows of the crawler registry) into DATABASE_URL. Idempotent; never changes a
// stored edition or lexicon; platform rows take the registry's names and capabilities, their on/off switch is kept.
// `npm run db:migrate` runs it after the migrations; after `npx prisma migrate deploy` run it yourself.
import { PLATFORM_ROWS } from '@/crawlers/registry';
import { createPrismaClient } from '@/lib/db/client';
import { ensureReferenceData } from '@/lib/services/ensure-scoring-config';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:reference: DATABASE_URL is not set.');
  process.exit(1);
}
const db = createPrismaClient(url, 2);
try {
  const { editionCreated, lexiconsCreated, platforms } = await ensureReferenceData({ db, platforms: PLATFORM_ROWS });
  console.log(
    `Reference data: edition national-2019 ${editionCreated ? 'created' : 'already present (kept as stored)'}; ` +
      `${lexiconsCreated.length ? `lexicons created: ${lexiconsCreated.join(', ')}` : 'every starter lexicon already present (kept as stored)'}; ` +
      `platforms ${platforms.created.length ? `created: ${platforms.created.join(', ')}` : 'none created'}${platforms.updated.length ? `, updated: ${platforms.updated.join(', ')}` : ''}.`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // P2021: table missing, i.e. the migrations were not applied first.
  const missingTables = /P2021|does not exist/.test(`${(error as { code?: string }).code ?? ''} ${message}`);
  console.error(
    missingTables
      ? 'db:reference: the tables do not exist yet; apply the migrations first (npm run db:migrate).'
      : `db:reference failed; nothing was written.\n${message}`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
