import { canAccessAgency, READ_ROLES, type Access, type AgencyAncestry } from '@/lib/access';
import { AppError } from '@/lib/errors';

/**
 * The refusal for an id outside the caller's change scope. Whoever cannot even read it gets the very answer a
 * missing id gets (`missing`), so ids cannot be probed for existence across agencies; a reader who may see it but
 * not change it gets `forbidden`, which then tells them nothing new.
 */
export function outOfScopeRefusal(
  access: Access,
  agencies: AgencyAncestry[],
  missing: AppError,
  forbidden: AppError,
): AppError {
  return agencies.every((a) => canAccessAgency(access, READ_ROLES, a)) ? forbidden : missing;
}
