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
// detectors' declarations (lib/scoring/declaration.ts). edition-pins.json holds what the hand-written code gave at
// schema version 2, before the composition (edition-pin-inputs.ts for the stored catalogues). Composing must not
// change a stored edition, its reading or a score: these pins never change. A new indicator adds sections (allowed
// here: the pinned ones must stay as they were, in their order); changing a pinned value fails on purpose.

const PINNED_VERSION = 2;

/** `xs` in the order `all` has them, `all` holding every one of them. */
const inOrderOf = (all: readonly string[], xs: readonly string[]) => all.filter((x) => xs.includes(x));

function upgradedAtPinnedVersion(raw: unknown) {
  try {
    return { ok: upgradeCatalogue(raw, PINNED_VERSION) };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

function readNow(raw: unknown) {
  const read = safeReadEdition(raw);
  return read.success ? { ok: read.data } : { issues: read.error.issues.map((i) => ({ path: i.path, code: i.code })) };
}

describe('edition composed from the detector declarations', () => {
  it('national-2019 holds the pinned values, its pinned fields in catalogue order', () => {
    expect(NATIONAL_2019).toMatchObject(pins.national2019);
    const paths = editionFields(NATIONAL_2019).map((f) => f.path);
    expect(inOrderOf(paths, pins.fields)).toEqual(pins.fields);
  });

  it('the schema keeps every pinned section, bound, default and order', () => {
    const { required, properties, ...rest } = z.toJSONSchema(editionSchema, { io: 'input' }) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    const { required: pinnedRequired, properties: pinnedProperties, ...pinnedRest } = pins.jsonSchema;
    expect(rest).toEqual(pinnedRest);
    expect(properties).toMatchObject(pinnedProperties);
    expect(inOrderOf(Object.keys(properties), Object.keys(pinnedProperties))).toEqual(Object.keys(pinnedProperties));
    expect(inOrderOf(required, pinnedRequired)).toEqual(pinnedRequired);
  });

  it('the code lists keep the pinned codes in order, typed as literals', () => {
    expect(inOrderOf(DEDUCTION_CODES, pins.deductionCodes)).toEqual(pins.deductionCodes);
    expect(inOrderOf(VETO_CODES, pins.vetoCodes)).toEqual(pins.vetoCodes);
    expect(EDITION_SCHEMA_VERSION).toBeGreaterThanOrEqual(pins.schemaVersion);
    expectTypeOf<'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10'>().toExtend<DeductionCode>();
    expectTypeOf<string>().not.toExtend<DeductionCode>();
    expectTypeOf<'V1.1' | 'V1.2' | 'V1.3' | 'V1.4' | 'V2' | 'V3'>().toExtend<VetoCode>();
    expectTypeOf<string>().not.toExtend<VetoCode>();
    expectTypeOf<Edition['D7']['delistedPoints']>().toEqualTypeOf<number>();
  });

  it.each(Object.keys(PIN_INPUTS))('a stored catalogue upgrades and reads as before: %s', (name) => {
    const pinned = (pins.upgrades as Record<string, { upgraded: unknown; read: object }>)[name];
    expect(pinned).toBeDefined();
    expect(upgradedAtPinnedVersion(PIN_INPUTS[name])).toEqual(pinned?.upgraded);
    expect(readNow(PIN_INPUTS[name])).toMatchObject(pinned?.read ?? {});
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
