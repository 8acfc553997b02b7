import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '@/lib/db/client';
import { clearLoginAttempts, findSignInUser, readLoginAttempts, recordSignInAttempt } from '@/lib/data/login-throttle';
import { clientIpHeaders, trustedClientIp } from '@/lib/security/client-ip';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '@/lib/security/password-strength';
import { signInBodySchema, signInThrottleKey, signInWaitMs, SIGNIN_WINDOW_MS } from './sign-in-guard';

// Per client IP and minute; deployments behind one NAT may raise it (AUTH_SIGNIN_PER_MINUTE). The IP is the one
// scripts/serve.mjs decided from the socket and TRUSTED_PROXY_HOPS, never a client-sent X-Forwarded-For.
const SIGNINS_PER_MINUTE = Number(process.env.AUTH_SIGNIN_PER_MINUTE ?? 10);
/** better-auth endpoints that set a new password from the request body (`newPassword`). */
const PASSWORD_SETTING_PATHS = new Set(['/change-password', '/reset-password', '/set-password']);
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
  const configured = (process.env.BETTER_AUTH_TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
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
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: false,
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: SIGNINS_PER_MINUTE } },
    },
    telemetry: { enabled: false },
    advanced: {
      ipAddress: { ipAddressHeaders: clientIpHeaders() },
      // Secure cookies when the public URL is https (behind a TLS-terminating proxy the app itself speaks http).
      useSecureCookies: (process.env.BETTER_AUTH_URL ?? '').startsWith('https://'),
    },
    // Self-service profile changes bypass the audited user services (a renamed user signs acknowledgements).
    disabledPaths: ['/update-user', '/change-email', '/delete-user'],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (PASSWORD_SETTING_PATHS.has(ctx.path)) {
          // A user changing their own password meets the same policy as one set by an admin (lib/schemas/password.ts).
          const next = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
          const problem = typeof next === 'string' ? passwordProblem(next) : 'passwordTooShort';
          if (problem)
            throw APIError.from('BAD_REQUEST', { code: 'PASSWORD_POLICY', message: `Password refused: ${problem}` });
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        // Validated before anything is written: a 1 MB or NUL email was a 500 from the throttle table.
        const parsed = signInBodySchema.safeParse(ctx.body);
        if (!parsed.success)
          throw APIError.from('BAD_REQUEST', {
            code: 'INVALID_EMAIL_OR_PASSWORD',
            message: 'Invalid email or password',
          });
        const { email, password } = parsed.data;
        const key = signInThrottleKey(email, trustedClientIp(ctx.headers ?? ctx.request?.headers ?? new Headers()));
        const now = Date.now();
        const waitMs = signInWaitMs(await readLoginAttempts(db, key), now);
        if (waitMs > 0) {
          const seconds = Math.ceil(waitMs / 1000);
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { code: 'SIGNIN_DELAYED', message: `Too many sign-in attempts; try again in ${seconds} s` },
            { 'Retry-After': String(seconds) },
          );
        }
        await recordSignInAttempt(db, key, SIGNIN_WINDOW_MS, now);
        // A deactivated user gets the wrong-password answer after the same work (one hash verification), so neither
        // the answer nor its timing says that the account exists and is disabled.
        const user = await findSignInUser(db, email);
        if (user && !user.isActive) {
          if (user.passwordHash) await ctx.context.password.verify({ hash: user.passwordHash, password });
          else await ctx.context.password.hash(password);
          throw APIError.from('UNAUTHORIZED', {
            code: 'INVALID_EMAIL_OR_PASSWORD',
            message: 'Invalid email or password',
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email' && ctx.context.newSession) {
          const ip = trustedClientIp(ctx.headers ?? ctx.request?.headers ?? new Headers());
          await clearLoginAttempts(db, signInThrottleKey(ctx.context.newSession.user.email.toLowerCase(), ip));
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
