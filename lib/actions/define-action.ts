import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Access } from '@/lib/access';
import { clearReadCache } from '@/lib/cache/read-cache';
import { toActionError, type ActionResult } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import type { Role } from '@/lib/schemas/enums';

type Context<I> = { access: Access; input: I; now: Date };

type ActionSpec<T, I> = {
  /** Who may call it; checked on the server before anything else (UNAUTHORIZED / FORBIDDEN). */
  roles: readonly Role[];
  /**
   * The use case. It gets the caller's input as sent and parses it with its schema from lib/schemas: the service
   * is the one place that parses, because the CLI, the worker and the tests call it too (docs/actions.md).
   */
  run: (context: Context<I>) => Promise<T>;
  /** Pages whose server render shows what changed, revalidated after success only. */
  revalidate?: readonly string[] | ((data: T, input: I) => readonly string[]);
  /** Turns an expected failure into a result of its own (a rejected import is a preview); undefined = not mine. */
  recover?: (error: unknown) => ActionResult<T> | undefined;
};

/**
 * One server action: access → service → revalidation, every failure a localized ActionResult (never a throw).
 * Call it at the top level of a 'use server' file in lib/actions, one action per file.
 */
export function defineAction<T, I = unknown>(spec: ActionSpec<T, I>): (input: I) => Promise<ActionResult<T>> {
  return async (input: I): Promise<ActionResult<T>> => {
    try {
      const access = await requireAccess(spec.roles);
      const data = await spec.run({ access, input, now: new Date() });
      const paths = typeof spec.revalidate === 'function' ? spec.revalidate(data, input) : (spec.revalidate ?? []);
      // Dashboard reads shared between requests (lib/cache/read-cache.ts) must show this write at once.
      clearReadCache();
      for (const path of paths) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      return spec.recover?.(error) ?? (await toActionError(error));
    }
  };
}
