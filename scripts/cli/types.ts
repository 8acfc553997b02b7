import type { PrismaClient } from '@/lib/db/types';

export type CliIo = { db: PrismaClient; out: (line: string) => void; err: (line: string) => void };
/** Returns the process exit code. */
export type CliCommand = { usage: string; run: (args: string[], io: CliIo) => Promise<number> };
