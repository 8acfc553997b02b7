import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '@/lib/db/client';
import { clearLoginAttempts, consumeLoginAttempt } from '@/lib/data/login-throttle';
import { isEmailActive } from '@/lib/data/users';

const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_LOGIN_ATTEMPTS_PER_EMAIL = 10;
// Per client IP and minute; deployments behind one NAT may raise it (AUTH_SIGNIN_PER_MINUTE).
const SIGNINS_PER_MINUTE = Number(process.env.AUTH_SIGNIN_PER_MINUTE ?? 10);
const DEV_SECRET = 'xunjian-development-secret-do-not-use-in-production';

function authSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (process.env.NODE_ENV === 'production' && !process.env.XUNJIAN_DEMO) {
    throw new Error('BETTER_AUTH_SECRET (≥ 32 characters) must be set in production; see .env.example');
  }
  return DEV_SECRET;
}

/** Extra origins allowed to post to the auth API; in development both loopback spellings of the dev port. */
function trustedOrigins(): string[] {
  const configured = (process.env.BETTER_AUTH_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (process.env.NODE_ENV === 'production') return configured;
  const port = process.env.PORT ?? '3000';
  return [...configured, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

function createAuth() {
  const db = getDb();
  return betterAuth({
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(db, { provider: 'postgresql' }),
    account: { modelName: 'authAccount' },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, autoSignIn: false },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: { enabled: true, storage: 'database', window: 60, max: 100, customRules: { '/sign-in/email': { window: 60, max: SIGNINS_PER_MINUTE } } },
    telemetry: { enabled: false },
    hooks: {
      // Per-email throttle on top of the per-IP limit: behind a proxy without X-Forwarded-For the IP is unknown.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
        const attempts = await consumeLoginAttempt(db, `signin-email:${email}`, LOGIN_WINDOW_MS, Date.now());
        if (attempts > MAX_LOGIN_ATTEMPTS_PER_EMAIL) {
          throw new APIError('TOO_MANY_REQUESTS', { message: 'Too many sign-in attempts; try again in 15 minutes' });
        }
        // A deactivated user gets the wrong-password answer: whether an account exists or is disabled stays unsaid.
        if (!(await isEmailActive(db, email))) throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password' });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email' && ctx.context.newSession) {
          await clearLoginAttempts(db, `signin-email:${ctx.context.newSession.user.email.toLowerCase()}`);
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const GLOBAL_KEY = Symbol.for('xunjian.auth');
type GlobalWithAuth = typeof globalThis & { [GLOBAL_KEY]?: Auth };

/** Lazily built so `next build` never needs a database. */
export function getAuth(): Auth {
  const g = globalThis as GlobalWithAuth;
  g[GLOBAL_KEY] ??= createAuth();
  return g[GLOBAL_KEY];
}
