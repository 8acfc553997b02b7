import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Dependency direction of style.md §3.1, enforced per folder.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', 'test-results/**', '.pglite/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/scoring/**/*.ts'],
    rules: restrict([
      { group: ['@/lib/*', '!@/lib/scoring', '!@/lib/scoring/*', '!@/lib/text', '!@/lib/text/*'], message: 'lib/scoring is pure: it imports only itself and lib/text.' },
      { group: ['@/crawlers/*', '@/app/*', '@/components/*', 'node:*', 'fs', 'pg', '@prisma/*'], message: 'lib/scoring is pure: no I/O.' },
    ]),
  },
  {
    files: ['lib/text/**/*.ts'],
    rules: restrict([{ group: ['@/lib/*', '!@/lib/text/*', '@/crawlers/*', '@/app/*', 'node:fs', 'pg', '@prisma/*'], message: 'lib/text is pure.' }]),
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: restrict([
      { group: ['@/lib/db/*', '@/lib/data/*'], message: 'app/ goes through lib/services.' },
      { group: ['@/crawlers/*'], message: 'No crawling inside Next.js.' },
    ]),
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: restrict([
      { group: ['@/lib/db/*', '@/lib/auth/*', '@/crawlers/*'], message: 'components never touch the server layers.' },
      { group: ['@/lib/services/*', '@/lib/data/*'], allowTypeImports: true, message: 'components may only import DTO types from services and data.' },
    ]),
  },
  {
    files: ['lib/services/**/*.ts', 'lib/data/**/*.ts'],
    rules: restrict([{ group: ['next/*', 'react', '@/app/*', '@/components/*', '@/crawlers/*'], message: 'services and data know nothing of Next.js, React or crawlers.' }]),
  },
  {
    files: ['crawlers/platforms/**/*.ts'],
    rules: restrict([{ group: ['@/lib/data/*', '@/lib/db/*', '@/lib/services/*'], message: 'Crawlers return snapshots and never write the database.' }]),
  },
  {
    files: ['lib/schemas/**/*.ts', 'lib/query/**/*.ts'],
    rules: restrict([{ group: ['@/lib/db/*'], message: 'Client-safe modules must not import the generated Prisma client.' }]),
  },
];

export default config;
