import { z } from 'zod';
import { text } from './text';

/** GET /api/agencies/options: the children of one agency, or the agencies whose name contains `q`. */
export const agencyOptionQuerySchema = z.union([
  z.object({ parentId: z.uuid() }),
  z.object({ q: text().trim().min(1).max(50) }),
]);
export type AgencyOptionQuery = z.infer<typeof agencyOptionQuerySchema>;

export const agencyOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  /** It has active children that were not sent: opening it in the picker loads them. */
  lazyChildren: z.boolean(),
});

/** Answer of the route: nodes parents-first-or-not (the picker nests them by parentId); `truncated` if bounded. */
export const agencyOptionsResponseSchema = z.object({ agencies: z.array(agencyOptionSchema), truncated: z.boolean() });
export type AgencyOptionsResponse = z.infer<typeof agencyOptionsResponseSchema>;
