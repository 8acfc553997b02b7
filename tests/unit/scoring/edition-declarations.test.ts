import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  EDITION_SCHEMA_VERSION,
  editionFields,
  editionSchema,
  NATIONAL_2019,
  safeReadEdition,
  upgradeCatalogue,
} from '@/lib/scoring';
import { DEDUCTION_CODES, VETO_CODES, type DeductionCode, type Edition, type VetoCode } from '@/lib/scoring/edition';
import { DETECTORS } from '@/lib/scoring/detectors';
import { PIN_INPUTS } from './edition-pin-inputs';
import pins from './edition-pins.json';

// The edition schema, national-2019, the code lists and the upgrade of stored editions are composed from the
// detectors' declarations (lib/scoring/declaration.ts). edition-pins.json holds what the hand-written versions gave
// before the composition (tests/unit/scoring/edition-pin-inputs.ts for the stored catalogues): composing must not
// change a stored edition, its reading or a score. When a declaration adds a section or a field on purpose, the
// national-2019 pin and the schema pin change with it; the upgrade pins of shipped versions never do.

/** What reading a stored catalogue gives: the upgraded catalogue (or the refusal) and the edition (or the issues). */
function readingOf(raw: unknown) {
  let upgraded: unknown;
  try {
    upgraded = { ok: upgradeCatalogue(raw) };
  } catch (error) {
    upgraded = { threw: (error as Error).message };
  }
  const read = safeReadEdition(raw);
  return {
    upgraded,
    read: read.success ? { ok: read.data } : { issues: read.error.issues.map((i) => ({ path: i.path, code: i.code })) },
  };
}

describe('edition composed from the detector declarations', () => {
  it('national-2019 is the pinned edition, key for key and in catalogue order', () => {
    expect(JSON.stringify(NATIONAL_2019)).toBe(JSON.stringify(pins.national2019));
    expect(editionFields(NATIONAL_2019).map((f) => f.path)).toEqual(pins.fields);
  });

  it('the schema is the pinned one (every section, bound, default and order)', () => {
    expect(JSON.stringify(z.toJSONSchema(editionSchema, { io: 'input' }))).toBe(JSON.stringify(pins.jsonSchema));
  });

  it('the code lists and the schema version are the pinned ones, and typed as literals', () => {
    expect(DEDUCTION_CODES).toEqual(pins.deductionCodes);
    expect(VETO_CODES).toEqual(pins.vetoCodes);
    expect(EDITION_SCHEMA_VERSION).toBe(pins.schemaVersion);
    expectTypeOf<DeductionCode>().toEqualTypeOf<'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10'>();
    expectTypeOf<VetoCode>().toEqualTypeOf<'V1.1' | 'V1.2' | 'V1.3' | 'V1.4' | 'V2' | 'V3'>();
    expectTypeOf<Edition['D7']['delistedPoints']>().toEqualTypeOf<number>();
  });

  it.each(Object.keys(PIN_INPUTS))('a stored catalogue reads as before: %s', (name) => {
    const pinned = (pins.upgrades as Record<string, unknown>)[name];
    expect(pinned).toBeDefined();
    expect(readingOf(PIN_INPUTS[name])).toEqual(pinned);
  });

  it('every section is declared by one detector, and every detector is listed once', () => {
    const keys = DETECTORS.flatMap((d) => [...Object.keys(d.fields), ...Object.keys(d.vetoFields)]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(DETECTORS).size).toBe(DETECTORS.length);
    expect([...keys].sort()).toEqual([...DEDUCTION_CODES, ...VETO_CODES.map((code) => code.replace('.', '_'))].sort());
  });

  it("each detector's baseline is valid for its own sections", () => {
    for (const d of DETECTORS) {
      expect(z.object(d.fields).safeParse(d.baseline).success).toBe(true);
      expect(z.object(d.vetoFields).safeParse(d.vetoBaseline).success).toBe(true);
    }
  });
});
