import { z } from 'zod';
import { platformCodeSchema } from './enums';

/** Mirrors the Prisma enum PlatformKind (tests/unit/schemas/enums.test.ts keeps them equal). */
export const PLATFORM_KINDS = ['SOCIAL', 'MESSAGING', 'APP_STORE', 'FEED', 'VIDEO'] as const;

/**
 * One platform row as the crawler registry declares it (crawlers/registry.ts); `npm run db:reference` writes it.
 * `capabilities` are the facts the platform exposes; a fact it lacks yields INSUFFICIENT_DATA, never a pass.
 */
export const platformRowSchema = z.object({
  code: platformCodeSchema,
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  kind: z.enum(PLATFORM_KINDS),
  capabilities: z.record(z.string(), z.boolean()),
  sortOrder: z.number().int(),
});
export type PlatformRow = z.infer<typeof platformRowSchema>;
