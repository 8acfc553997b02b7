import { describe, expect, it } from 'vitest';
import { agencyPickerEagerMax } from '@/lib/services/list-read-agency-picker';

describe('agencyPickerEagerMax (AGENCY_PICKER_EAGER_MAX)', () => {
  it('defaults to 200 and takes a positive whole number', () => {
    expect(agencyPickerEagerMax({})).toBe(200);
    expect(agencyPickerEagerMax({ AGENCY_PICKER_EAGER_MAX: '12' })).toBe(12);
  });
  it('falls back to the default for anything else', () => {
    for (const v of ['0', '-3', '2.5', 'many', ''])
      expect(agencyPickerEagerMax({ AGENCY_PICKER_EAGER_MAX: v })).toBe(200);
  });
});
