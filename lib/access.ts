import type { Role } from '@/lib/schemas/enums';

export type RoleGrantDto = { role: Role; agencyId: string; agencyName: string };
export type Access = { userId: string; name: string; email: string; locale: string; grants: RoleGrantDto[] };
export type AgencyAncestry = { id: string; ancestorIds: string[] };

export const hasRole = (access: Access, roles: readonly Role[]): boolean =>
  access.grants.some((g) => roles.includes(g.role));

/** Roots of the agency subtrees in which the user holds one of `roles`. */
export const scopeRoots = (access: Access, roles: readonly Role[]): string[] => [
  ...new Set(access.grants.filter((g) => roles.includes(g.role)).map((g) => g.agencyId)),
];

/** True when the agency lies inside a subtree where the user holds one of `roles`. */
export function canAccessAgency(access: Access, roles: readonly Role[], agency: AgencyAncestry): boolean {
  const roots = scopeRoots(access, roles);
  return roots.includes(agency.id) || agency.ancestorIds.some((id) => roots.includes(id));
}

export const READ_ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'AUDITOR'];
export const REVIEW_ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR'];
export const ADMIN_ROLES: readonly Role[] = ['ADMIN'];
export const EXPORT_ROLES: readonly Role[] = ['ADMIN', 'AUDITOR', 'SUPERVISOR'];

/**
 * The part of an agency's ancestor list (root first) that lies inside the scope `roots`: from the highest scope
 * root on. Empty when the agency is itself the top of the scope (or out of it).
 */
export function ancestorsInScope(ancestorIds: readonly string[], roots: readonly string[]): string[] {
  const from = ancestorIds.findIndex((id) => roots.includes(id));
  return from < 0 ? [] : ancestorIds.slice(from);
}
