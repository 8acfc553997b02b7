import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { accountsImportCommand } from './accounts-import';
import { agenciesImportCommand } from './agencies-import';
import { agenciesListCommand } from './agencies-list';
import { crawlCommand } from './crawl';
import { describeCliError } from './errors';
import { credentialsAddCommand, credentialsAttachCommand, credentialsListCommand } from './credentials';
import { inspectionsListCommand } from './inspections-list';
import { linksCheckCommand } from './links-check';
import { reparseCommand } from './reparse';
import type { CliCommand } from './types';
import { scoreCommand } from './score';
import { usersCreateAdminCommand } from './users-create-admin';

/** Add a command here: the key is its words, matched against the start of argv. */
export const COMMANDS: Record<string, CliCommand> = {
  'agencies import': agenciesImportCommand,
  'agencies list': agenciesListCommand,
  'accounts import': accountsImportCommand,
  'credentials add': credentialsAddCommand(),
  'credentials attach': credentialsAttachCommand,
  'credentials list': credentialsListCommand,
  crawl: crawlCommand,
  score: scoreCommand,
  'inspections list': inspectionsListCommand,
  'links check': linksCheckCommand,
  reparse: reparseCommand,
  'users create-admin': usersCreateAdminCommand,
};

function usage(): string {
  return [
    'Usage: npm run xunjian -- <command>',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name} ${c.usage}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const name = Object.keys(COMMANDS)
    .sort((a, b) => b.length - a.length)
    .find((key) => key.split(' ').every((word, i) => argv[i] === word));
  const command = name ? COMMANDS[name] : undefined;
  if (!name || !command) {
    console.error(usage());
    return 2;
  }
  let db: PrismaClient;
  try {
    db = getDb();
  } catch (error) {
    console.error(describeCliError(error));
    return 1;
  }
  try {
    return await command.run(argv.slice(name.split(' ').length), {
      db,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } catch (error) {
    if (
      error instanceof Error &&
      error.name === 'TypeError' &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${error.message}\n${usage()}`);
      return 2;
    }
    console.error(describeCliError(error));
    return 1;
  } finally {
    await db.$disconnect();
  }
}
