import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { accountsImportCommand } from './accounts-import';
import { crawlCommand } from './crawl';
import { inspectionsListCommand } from './inspections-list';
import type { CliCommand } from './types';
import { scoreCommand } from './score';
import { usersCreateAdminCommand } from './users-create-admin';

/** Add a command here: the key is its words, matched against the start of argv. */
export const COMMANDS: Record<string, CliCommand> = {
  'accounts import': accountsImportCommand,
  crawl: crawlCommand,
  score: scoreCommand,
  'inspections list': inspectionsListCommand,
  'users create-admin': usersCreateAdminCommand,
};

function usage(): string {
  return ['Usage: npm run xunjian -- <command>', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name} ${c.usage}`)].join('\n');
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
  const db = getDb();
  try {
    return await command.run(argv.slice(name.split(' ').length), { db, out: (line) => console.log(line), err: (line) => console.error(line) });
  } catch (error) {
    if (isAppError(error)) console.error(`${error.code}: ${error.message}`);
    else if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n${usage()}`);
      return 2;
    } else console.error(error);
    return 1;
  } finally {
    await db.$disconnect();
  }
}
