import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Access } from '@/lib/access';
import { AppError } from '@/lib/errors';

// The pipeline's collaborators at the Next.js edge: the session, the cache and the request's locale.
const session = vi.hoisted(() => ({ access: null as Access | null }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ revalidatePath }));
vi.mock('@/lib/i18n/request-locale', () => ({ requestLocale: async () => 'en' }));
vi.mock('@/lib/auth/session', async () => {
  const { hasRole } = await import('@/lib/access');
  return {
    requireAccess: async (roles: readonly string[]) => {
      if (!session.access) throw new AppError('UNAUTHORIZED', 'signInFirst');
      if (!hasRole(session.access, roles as never)) throw new AppError('FORBIDDEN', 'roleNotAllowed');
      return session.access;
    },
  };
});

const { defineAction } = await import('@/lib/actions/define-action');

const auditor: Access = {
  userId: 'u1',
  name: 'A',
  email: 'a@x',
  locale: 'en',
  grants: [{ role: 'AUDITOR', agencyId: 'g', agencyName: 'G' }],
};
const supervisor: Access = { ...auditor, grants: [{ role: 'SUPERVISOR', agencyId: 'g', agencyName: 'G' }] };
const schema = z.object({ note: z.string().min(2) });

describe('defineAction', () => {
  const service = vi.fn(async ({ input }: { input: unknown }) => ({ id: schema.parse(input).note }));
  const action = defineAction({ roles: ['SUPERVISOR'], run: service, revalidate: (data) => [`/things/${data.id}`] });
  beforeEach(() => {
    service.mockClear();
    revalidatePath.mockClear();
  });

  it('refuses a signed-out caller and a caller without the role before calling the service', async () => {
    session.access = null;
    expect(await action({ note: 'ok' })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    session.access = auditor;
    expect(await action({ note: 'ok' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(service).not.toHaveBeenCalled();
  });

  it('passes the raw input to the service (the one parse) and revalidates after success only', async () => {
    session.access = supervisor;
    expect(await action({ note: 'fine' })).toEqual({ ok: true, data: { id: 'fine' } });
    expect(service.mock.calls[0]?.[0]).toMatchObject({ access: supervisor, input: { note: 'fine' } });
    expect(revalidatePath).toHaveBeenCalledWith('/things/fine');
    const refused = await action({ note: 'x' });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(refused.ok === false && refused.fieldErrors?.note?.[0]).toBeTruthy();
    expect(revalidatePath).toHaveBeenCalledTimes(1);
  });

  it('drops the shared dashboard reads after a successful write only', async () => {
    const { readThrough } = await import('@/lib/cache/read-cache');
    const times = { freshMs: 60_000, maxAgeMs: 240_000 };
    let n = 0;
    const read = () => readThrough('define-action-test', async () => ++n, times);
    session.access = supervisor;
    expect(await read()).toBe(1);
    await action({ note: 'x' });
    expect(await read()).toBe(1);
    await action({ note: 'fine' });
    expect(await read()).toBe(2);
  });

  it('localizes an AppError and hides an unexpected one', async () => {
    session.access = supervisor;
    const conflict = defineAction({
      roles: ['SUPERVISOR'],
      run: async () => {
        throw new AppError('CONFLICT', 'cannotDeactivateSelf');
      },
    });
    const failed = await conflict(undefined);
    expect(failed).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(failed.ok === false && failed.message).toBe(new AppError('CONFLICT', 'cannotDeactivateSelf').message);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = defineAction({
      roles: ['SUPERVISOR'],
      run: async () => {
        throw new Error('db password in here');
      },
    });
    const internal = await broken(undefined);
    expect(internal).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(internal)).not.toContain('password');
  });

  it('lets recover turn an expected failure into its own result', async () => {
    session.access = supervisor;
    const lenient = defineAction<{ rows: number }>({
      roles: ['SUPERVISOR'],
      run: async () => {
        throw new RangeError('bad sheet');
      },
      recover: (e) => (e instanceof RangeError ? { ok: true, data: { rows: 0 } } : undefined),
    });
    expect(await lenient(undefined)).toEqual({ ok: true, data: { rows: 0 } });
  });
});
