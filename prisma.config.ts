import { defineConfig } from 'prisma/config';

// process.env instead of env(): env() throws when DATABASE_URL is unset, which breaks `prisma generate` in builds.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
