import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Dependency direction of the layers (docs/architecture.md "Layers"), enforced per folder.
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
      {
        group: [
          '@/lib/*',
          '!@/lib/scoring',
          '!@/lib/scoring/*',
          '!@/lib/text',
          '!@/lib/text/*',
          '!@/lib/time',
          '!@/lib/time/*',
        ],
        message: 'lib/scoring is pure: it imports only itself, lib/text and lib/time.',
      },
      {
        group: ['@/crawlers/*', '@/app/*', '@/components/*', 'node:*', 'fs', 'pg', '@prisma/*'],
        message: 'lib/scoring is pure: no I/O.',
      },
    ]),
  },
  {
    files: ['lib/text/**/*.ts'],
    rules: restrict([
      {
        group: ['@/lib/*', '!@/lib/text/*', '@/crawlers/*', '@/app/*', 'node:fs', 'pg', '@prisma/*'],
        message: 'lib/text is pure.',
      },
    ]),
  },
  {
    files: ['lib/time/**/*.ts'],
    rules: restrict([
      {
        group: ['@/*', 'node:*', 'fs', 'pg', '@prisma/*'],
        message: 'lib/time is the pure clock: it imports nothing but itself.',
      },
    ]),
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
      {
        group: ['@/app/*'],
        message: 'components never import from app/: server actions live in lib/actions (docs/actions.md).',
      },
      {
        group: ['@/lib/services/*', '@/lib/data/*'],
        allowTypeImports: true,
        message: 'components may only import DTO types from services and data.',
      },
    ]),
  },
  {
    files: ['lib/services/**/*.ts', 'lib/data/**/*.ts'],
    rules: restrict([
      {
        group: ['next/*', 'react', '@/app/*', '@/components/*', '@/crawlers/*', '@/lib/actions/*'],
        message: 'services and data know nothing of Next.js, React, actions or crawlers.',
      },
    ]),
  },
  {
    // Server actions have one home: a 'use server' directive anywhere else would start a second pipeline.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'lib/**/*.ts'],
    ignores: ['lib/actions/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement[directive='use server']",
          message: 'Server actions live in lib/actions, one per file, through defineAction (docs/actions.md).',
        },
      ],
    },
  },
  {
    files: ['lib/actions/**/*.ts'],
    rules: restrict([
      {
        group: ['@/lib/db/*', '@/lib/data/*', '@/crawlers/*'],
        message: 'An action calls a service; the service reaches the data.',
      },
      { group: ['@/app/*', '@/components/*'], message: 'lib/actions sits below app/ and components/.' },
    ]),
  },
  {
    // The worker (jobs, schedule, runtime, links, sandbox) reaches the database only through lib/services; the
    // Prisma client type may be named. main.ts and sandbox/demo.ts open the connection (composition roots).
    files: ['crawlers/**/*.ts'],
    ignores: ['crawlers/main.ts', 'crawlers/sandbox/demo.ts'],
    rules: restrict([
      {
        group: ['@/lib/data/*'],
        message: 'Worker code calls lib/services; lib/data is reached only through a service.',
      },
      {
        group: ['@/lib/db/*'],
        allowTypeImports: true,
        message: 'Worker code gets its database client passed in; only crawlers/main.ts opens it.',
      },
      {
        group: ['@/app/*', '@/components/*', '@/lib/actions/*'],
        message: 'The worker knows nothing of Next.js pages, components or actions.',
      },
    ]),
  },
  {
    files: ['crawlers/main.ts', 'crawlers/sandbox/demo.ts'],
    rules: restrict([
      {
        group: ['@/lib/data/*'],
        message: 'Worker code calls lib/services; lib/data is reached only through a service.',
      },
    ]),
  },
  {
    files: ['crawlers/platforms/**/*.ts'],
    rules: restrict([
      {
        group: ['@/lib/data/*', '@/lib/db/*', '@/lib/services/*'],
        message: 'Crawlers return snapshots and never write the database.',
      },
    ]),
  },
  {
    files: ['lib/schemas/**/*.ts', 'lib/query/**/*.ts'],
    rules: restrict([
      { group: ['@/lib/db/*'], message: 'Client-safe modules must not import the generated Prisma client.' },
    ]),
  },
];

export default config;
