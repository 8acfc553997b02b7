import { describe, expect, it } from 'vitest';
import { ancestorsInScope, canAccessAgency, hasRole, scopeRoots, type Access } from '@/lib/access';

const access: Access = {
  userId: 'u1',
  name: 'n',
  email: 'e@x',
  locale: 'zh-CN',
  grants: [
    { role: 'SUPERVISOR', agencyId: 'countyA', agencyName: 'A' },
    { role: 'AUDITOR', agencyId: 'city', agencyName: 'C' },
  ],
};

describe('agency scope', () => {
  it('allows the granted agency and its descendants only for the granted role', () => {
    expect(canAccessAgency(access, ['SUPERVISOR'], { id: 'countyA', ancestorIds: ['prov', 'city'] })).toBe(true);
    expect(canAccessAgency(access, ['SUPERVISOR'], { id: 'townA', ancestorIds: ['prov', 'city', 'countyA'] })).toBe(
      true,
    );
    expect(canAccessAgency(access, ['SUPERVISOR'], { id: 'countyB', ancestorIds: ['prov', 'city'] })).toBe(false);
    expect(canAccessAgency(access, ['AUDITOR'], { id: 'countyB', ancestorIds: ['prov', 'city'] })).toBe(true);
    expect(canAccessAgency(access, ['SUPERVISOR'], { id: 'prov', ancestorIds: [] })).toBe(false);
  });

  it('reports roles and deduplicated roots', () => {
    expect(hasRole(access, ['ADMIN'])).toBe(false);
    expect(scopeRoots(access, ['SUPERVISOR', 'AUDITOR'])).toEqual(['countyA', 'city']);
  });
});

describe('ancestorsInScope', () => {
  it('keeps the ancestors from the highest scope root on', () => {
    expect(ancestorsInScope(['p', 'c', 'k'], ['c'])).toEqual(['c', 'k']);
    expect(ancestorsInScope(['p', 'c', 'k'], ['k', 'p'])).toEqual(['p', 'c', 'k']);
  });
  it('is empty for the top of the scope or outside it', () => {
    expect(ancestorsInScope([], ['p'])).toEqual([]);
    expect(ancestorsInScope(['p', 'c'], ['x'])).toEqual([]);
  });
});
