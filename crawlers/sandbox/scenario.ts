import { z } from 'zod';
import { platformCodeSchema } from '@/lib/schemas/enums';

// Scenario files describe what the fake platforms hold and how they misbehave.
// Times are ISO strings or offsets from the scenario clock: "-3d", "-5h", "-30m", "+1d".

const timeSchema = z.string().min(1);
const countSchema = z.union([z.number().int().nonnegative(), z.string()]);

const replySchema = z.object({
  id: z.string().min(1),
  authorId: z.string().min(1),
  authorName: z.string().min(1),
  text: z.string(),
  publishedAt: timeSchema,
  likes: z.number().int().nonnegative().default(0),
});

export const sandboxCommentSchema = replySchema.extend({ replies: z.array(replySchema).default([]) });

export const sandboxPostSchema = z.object({
  id: z.string().regex(/^\d+$/, 'post ids are numeric strings (Weibo mid)'),
  bid: z.string().optional(),
  title: z.string().optional(),
  /** HTML as the platform would serve it; the full text for long posts. */
  text: z.string(),
  publishedAt: timeSchema,
  editedAt: timeSchema.optional(),
  /** From this time on the post is gone (timeline omits it, single-post routes answer "deleted"). */
  deletedAt: timeSchema.optional(),
  pinned: z.boolean().default(false),
  /** Force the truncated-timeline + `全文` form even for short texts. */
  longText: z.boolean().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  repostOf: z
    .object({
      id: z.string(),
      bid: z.string().optional(),
      text: z.string(),
      userId: z.string().optional(),
      userName: z.string().optional(),
      deleted: z.boolean().default(false),
    })
    .optional(),
  counts: z
    .object({
      reposts: z.number().int().default(0),
      comments: z.number().int().optional(),
      likes: z.number().int().default(0),
    })
    .default({ reposts: 0, likes: 0 }),
  comments: z.array(sandboxCommentSchema).default([]),
  /** Raw fields laid over the post's wire object (Weibo mblog), to serve an odd or malformed item: tolerant-reading tests. */
  wire: z.record(z.string(), z.unknown()).optional(),
});

export const sandboxProfileSchema = z.object({
  displayName: z.string().min(1),
  avatarUrl: z.string().optional(),
  description: z.string().default(''),
  verified: z.boolean().default(false),
  verifiedType: z.number().int().default(-1),
  verifiedReason: z.string().optional(),
  followersCount: countSchema.default(0),
  followingCount: countSchema.default(0),
  postsCount: countSchema.optional(),
  ipLocation: z.string().optional(),
});

export const sandboxAccountSchema = z.object({
  platform: platformCodeSchema,
  handle: z.string().min(1),
  /** CLOSED: account deleted (注销); BANNED: blocked by the platform. */
  status: z.enum(['ACTIVE', 'CLOSED', 'BANNED']).default('ACTIVE'),
  profile: sandboxProfileSchema,
  posts: z.array(sandboxPostSchema).default([]),
  /** Platform-specific extras for route modules of other platforms (app listings, WeChat ids …). */
  extra: z.record(z.string(), z.unknown()).default({}),
});

/** `rate_limit`: the platform's own throttling answer (module hook `rateLimit`, default HTTP 429). */
export const FAILURE_KINDS = [
  'status',
  'login_wall',
  'login_redirect',
  'malformed_json',
  'delay',
  'captcha',
  'rate_limit',
] as const;

export const sandboxFailureSchema = z.object({
  kind: z.enum(FAILURE_KINDS),
  status: z.number().int().min(100).max(599).optional(),
  delayMs: z.number().int().nonnegative().optional(),
  platform: platformCodeSchema.optional(),
  handle: z.string().optional(),
  /** Route id such as `weibo.timeline`; omitted = every route of the account/platform. */
  route: z.string().optional(),
  /** Active only on these day indices of the sandbox clock (day 0 = the scenario's `now` day). */
  days: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** Fail only the first N matching requests, then behave normally. */
  times: z.number().int().positive().optional(),
});

export const scenarioSchema = z.object({
  name: z.string().default('scenario'),
  /** Scenario clock at load time; relative times resolve against it. Omitted = real time. */
  now: z.iso.datetime({ offset: true }).optional(),
  latencyMs: z.number().int().nonnegative().default(0),
  accounts: z.array(sandboxAccountSchema).default([]),
  failures: z.array(sandboxFailureSchema).default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type SandboxAccount = z.output<typeof sandboxAccountSchema>;
export type SandboxPost = z.output<typeof sandboxPostSchema>;
export type SandboxComment = z.output<typeof sandboxCommentSchema>;
export type SandboxFailure = z.output<typeof sandboxFailureSchema>;

/** Hook for code-built scenarios (e.g. the demo-province generator in lib/demo). */
export type ScenarioFactory = (args: { now: Date; seed?: number }) => ScenarioInput;

export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid sandbox ${source}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const RELATIVE = /^([+-])(\d+(?:\.\d+)?)([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** Resolves an ISO time or an offset such as "-3d" against the scenario clock. */
export function resolveTime(value: string, base: Date): Date {
  const relative = RELATIVE.exec(value);
  if (relative) {
    const sign = relative[1] === '-' ? -1 : 1;
    const unit = relative[3] === 'd' ? UNIT_MS.d : relative[3] === 'h' ? UNIT_MS.h : UNIT_MS.m;
    return new Date(base.getTime() + sign * Number(relative[2]) * unit);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid sandbox time "${value}"`);
  return at;
}
