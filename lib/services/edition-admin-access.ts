import { hasRole, type Access } from '@/lib/access';
import { AppError } from '@/lib/errors';

// Editions apply to every inspection that picks them, province-wide: editing them needs an administrator grant.
export function assertEditionAdmin(access: Access): void {
  if (!hasRole(access, ['ADMIN'])) throw new AppError('FORBIDDEN', 'Only administrators edit indicator editions');
}
