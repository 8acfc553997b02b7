import { z } from 'zod';
import { isAppError } from '@/lib/errors';

/** One sentence for an error the operator can act on; anything else keeps its stack for a bug report. */
export function describeCliError(error: unknown): string {
  if (isAppError(error)) return `Refused (${error.code}): ${sentence(error.message)}`;
  if (error instanceof z.ZodError) return `Invalid input:\n${z.prettifyError(error)}`;
  if (error instanceof Error && /DATABASE_URL is not set/.test(error.message))
    return 'DATABASE_URL is not set: export DATABASE_URL=postgresql://user:pass@host:5432/db first.';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'P1001')
    return `Cannot reach the database at DATABASE_URL (${String(code)}); is PostgreSQL running?`;
  if (code === 'P2021') return 'The database has no tables yet: run npm run db:migrate first.';
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

const sentence = (text: string) => (/[.。!?]$/.test(text) ? text : `${text}.`);
