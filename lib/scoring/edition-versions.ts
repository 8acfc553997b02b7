import { z } from 'zod';
import { DETECTORS } from './detectors';
import { editionSchema, type Edition } from './edition';

type Catalogue = Record<string, unknown>;
const isObject = (value: unknown): value is Catalogue =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Shape changes outside the detectors' sections (identity, bonus, annual), by the version they lead to: a step turns
 * a catalogue of version n - 1 into version n. Changes to a detector's sections are declared in its file instead
 * (`since`, `added`: lib/scoring/declaration.ts). Never edit a step that shipped; add the old shape to
 * tests/unit/scoring/edition-pin-inputs.ts.
 */
const CATALOGUE_UPGRADES: Readonly<Record<number, (catalogue: Catalogue) => Catalogue>> = {};

/**
 * Version of the catalogue shape this build writes: the latest version a detector declaration or a catalogue step
 * names. Stored catalogues carry it as `schemaVersion`; a catalogue without one is version 1 (stored before versions
 * existed). Reading upgrades a stored catalogue step by step to this version before validating it, so a shape change
 * never makes a stored edition unreadable.
 */
export const EDITION_SCHEMA_VERSION = Math.max(
  1,
  ...DETECTORS.flatMap((d) => [d.since, ...Object.keys(d.added ?? {}).map(Number)]),
  ...Object.keys(CATALOGUE_UPGRADES).map(Number),
);

/** `top` over `base`, nested objects merged (`top` wins on a leaf). */
function overlay(base: Catalogue, top: Catalogue): Catalogue {
  const out: Catalogue = { ...base };
  for (const [key, value] of Object.entries(top))
    out[key] = isObject(value) && isObject(out[key]) ? overlay(out[key], value) : value;
  return out;
}

/** `catalogue` with what it lacks of `values`: a value present is kept; a section that is not an object is replaced. */
function fillMissing(catalogue: Catalogue, values: Catalogue): Catalogue {
  const out: Catalogue = { ...catalogue };
  for (const [key, value] of Object.entries(values)) {
    if (isObject(value)) out[key] = fillMissing(isObject(catalogue[key]) ? catalogue[key] : {}, value);
    else if (!(key in catalogue)) out[key] = value;
  }
  return out;
}

/**
 * What a catalogue of version `to - 1` gets at version `to`: the sections declared `since: to` with their baseline
 * values, overlaid with the values declared `added` at `to` (the values that keep its scores unchanged).
 */
function declaredAt(to: number): Catalogue {
  let sections: Catalogue = {};
  let veto: Catalogue = {};
  for (const d of DETECTORS) {
    if (d.since === to) {
      sections = overlay(sections, d.baseline);
      veto = overlay(veto, d.vetoBaseline);
    }
    const added = d.added?.[to];
    sections = overlay(sections, added?.fields ?? {});
    veto = overlay(veto, added?.veto ?? {});
  }
  return Object.keys(veto).length ? { ...sections, veto } : sections;
}

function upgradeTo(to: number, catalogue: Catalogue): Catalogue {
  const step = CATALOGUE_UPGRADES[to];
  return fillMissing(step ? step(catalogue) : catalogue, declaredAt(to));
}

function versionOf(catalogue: Catalogue): number {
  const version = catalogue.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/**
 * The stored catalogue at EDITION_SCHEMA_VERSION (unvalidated); a catalogue newer than this build is refused. `to`
 * stops at an earlier version (tests pin what each shipped version gives).
 */
export function upgradeCatalogue(raw: unknown, to: number = EDITION_SCHEMA_VERSION): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let catalogue = raw as Catalogue;
  const from = versionOf(catalogue);
  if (from > EDITION_SCHEMA_VERSION) {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['schemaVersion'],
        message: `Edition schema version ${from} is newer than this build reads (${EDITION_SCHEMA_VERSION})`,
        input: from,
      },
    ]);
  }
  const target = Math.max(from, Math.min(to, EDITION_SCHEMA_VERSION));
  for (let version = from + 1; version <= target; version += 1) catalogue = upgradeTo(version, catalogue);
  return { ...catalogue, schemaVersion: target };
}

/** A stored catalogue as an Edition: upgraded, then validated (throws a ZodError when it does not parse). */
export function readEdition(raw: unknown): Edition {
  return editionSchema.parse(upgradeCatalogue(raw));
}

/** readEdition without throwing. */
export function safeReadEdition(raw: unknown): z.ZodSafeParseResult<Edition> {
  try {
    return editionSchema.safeParse(upgradeCatalogue(raw));
  } catch (error) {
    if (error instanceof z.ZodError) return { success: false, error: error as z.ZodError<Edition> };
    throw error;
  }
}

/** What to store for an edition: the catalogue stamped with the version it is written in. */
export function toStoredCatalogue(edition: Edition): Edition & { schemaVersion: number } {
  return { ...edition, schemaVersion: EDITION_SCHEMA_VERSION };
}
