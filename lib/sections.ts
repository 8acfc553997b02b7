import { ADMIN_ROLES, EXPORT_ROLES, hasRole, READ_ROLES, REVIEW_ROLES, type Access } from './access';
import type { Role } from './schemas/enums';

type Section = { href: string; roles: readonly Role[] };

/**
 * Who sees which section: the navigation lists a section only to these roles, and the section's layout guard
 * (lib/auth/section-layout.ts) refuses everyone else. Pages, actions and routes still check on their own.
 * Order = navigation order; the label is `nav.<id>`.
 */
export const SECTIONS = {
  overview: { href: '/', roles: READ_ROLES },
  alerts: { href: '/alerts', roles: READ_ROLES },
  agencies: { href: '/agencies', roles: READ_ROLES },
  findings: { href: '/findings', roles: READ_ROLES },
  rectifications: { href: '/rectifications', roles: READ_ROLES },
  inspections: { href: '/inspections', roles: READ_ROLES },
  repostTasks: { href: '/repost-tasks', roles: READ_ROLES },
  assessment: { href: '/assessment', roles: EXPORT_ROLES },
  exports: { href: '/exports', roles: EXPORT_ROLES },
  api: { href: '/settings/tokens', roles: READ_ROLES },
  notifications: { href: '/settings/notifications', roles: REVIEW_ROLES },
  admin: { href: '/admin', roles: ADMIN_ROLES },
} as const satisfies Record<string, Section>;

export type SectionId = keyof typeof SECTIONS;

/** The sections `access` may open, in navigation order. */
export const visibleSections = (access: Access): SectionId[] =>
  (Object.keys(SECTIONS) as SectionId[]).filter((id) => hasRole(access, SECTIONS[id].roles));
