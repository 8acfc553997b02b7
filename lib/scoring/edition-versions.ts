import { z } from 'zod';
import { editionSchema, type Edition } from './edition';

/**
 * Version of the catalogue shape this build writes. Stored catalogues carry it as `schemaVersion`; a catalogue
 * without one is version 1 (stored before versions existed). Reading upgrades a stored catalogue step by step to
 * this version before validating it, so a shape change never makes a stored edition unreadable.
 */
export const EDITION_SCHEMA_VERSION = 2;

type Catalogue = Record<string, unknown>;
const objectOf = (value: unknown): Catalogue =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Catalogue) : {};

/**
 * UPGRADES[n - 1] turns a version-n catalogue into version n + 1. When the shape changes: bump EDITION_SCHEMA_VERSION,
 * append one step (fill new fields with the value that keeps old scores unchanged, rename moved ones), never edit a
 * step that shipped, and add the old shape to tests/unit/scoring/edition-versions.test.ts.
 */
const UPGRADES: ReadonlyArray<(catalogue: Catalogue) => Catalogue> = [
  // 1 → 2: D7 gained 下架/无法访问 (docs/indicators.md D7): not listed on two lookups this many hours apart, its points.
  (c) => ({ ...c, D7: { delistedConfirmHours: 24, delistedPoints: 5, ...objectOf(c.D7) } }),
];

function versionOf(catalogue: Catalogue): number {
  const version = catalogue.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** The stored catalogue at EDITION_SCHEMA_VERSION (unvalidated); a catalogue newer than this build is refused. */
export function upgradeCatalogue(raw: unknown): unknown {
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
  for (let version = from; version < EDITION_SCHEMA_VERSION; version += 1) {
    const step = UPGRADES[version - 1];
    if (!step) throw new Error(`No edition upgrade from schema version ${version}`);
    catalogue = step(catalogue);
  }
  return { ...catalogue, schemaVersion: EDITION_SCHEMA_VERSION };
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
