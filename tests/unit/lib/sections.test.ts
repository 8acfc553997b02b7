import { describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import type { Role } from '@/lib/schemas/enums';
import { SECTIONS, visibleSections } from '@/lib/sections';

const as = (...roles: Role[]): Access => ({
  userId: 'u',
  name: 'n',
  email: 'e',
  locale: 'zh-CN',
  grants: roles.map((role) => ({ role, agencyId: 'a', agencyName: 'A' })),
});
const READ_SECTIONS = [
  'overview',
  'alerts',
  'agencies',
  'findings',
  'rectifications',
  'inspections',
  'repostTasks',
  'assessment',
  'exports',
];

describe('sections', () => {
  it('shows administrators every section, in navigation order', () => {
    expect(visibleSections(as('ADMIN'))).toEqual(Object.keys(SECTIONS));
  });

  it('never lists administration to supervisors or auditors, always the reading sections, in order', () => {
    for (const role of ['SUPERVISOR', 'AUDITOR'] as const) {
      const seen = visibleSections(as(role));
      expect(seen).not.toContain('admin');
      expect(seen.filter((id) => READ_SECTIONS.includes(id))).toEqual(READ_SECTIONS);
    }
  });

  it('adds up the sections of several grants and shows nothing without one', () => {
    const both = visibleSections(as('SUPERVISOR', 'AUDITOR'));
    expect(new Set(both)).toEqual(new Set([...visibleSections(as('SUPERVISOR')), ...visibleSections(as('AUDITOR'))]));
    expect(visibleSections(as())).toEqual([]);
  });

  it('gives every section a distinct address', () => {
    const hrefs = Object.values(SECTIONS).map((s) => s.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
