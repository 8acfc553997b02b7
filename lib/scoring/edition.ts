import { z } from 'zod';
import { days, points } from './declaration';
import { DETECTORS } from './detectors';

const bonusItem = z.object({
  code: z.string().regex(/^B[0-9]{1,2}$/, 'Bonus item codes are B1 … B99'),
  name: z.string().trim().min(1).max(80),
  points,
});

type Declared = (typeof DETECTORS)[number];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The deduction sections every detector declares, keyed by code (D1 … D10). */
type DeclaredSections = Intersection<Declared['fields']>;
/** The veto sections every detector declares, keyed V1_1 … V3. */
type DeclaredVetoSections = Intersection<Declared['vetoFields']>;

const codeNumbers = (key: string) => key.slice(1).split(/[._]/).map(Number);
/** Catalogue order: D1 … D9, D10; V1_1 … V1_4, V2, V3. */
const byCode = ([a]: [string, unknown], [b]: [string, unknown]) => {
  const x = codeNumbers(a);
  const y = codeNumbers(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
};

/** One detector's sections merged with every other's, in catalogue order; a section declared twice is refused. */
function compose(pick: (d: Declared) => Readonly<Record<string, unknown>>): Record<string, unknown> {
  const entries = DETECTORS.flatMap((d) => Object.entries(pick(d)));
  const keys = entries.map(([key]) => key);
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  if (twice) throw new Error(`Edition section ${twice} is declared by two detectors`);
  return Object.fromEntries(entries.sort(byCode));
}

const sections = compose((d) => d.fields) as DeclaredSections;
const vetoSections = compose((d) => d.vetoFields) as DeclaredVetoSections;

/**
 * An indicator catalogue edition: thresholds, points, windows and pass mark as data (docs/indicators.md "cfg").
 * The veto and deduction sections are those the detectors declare (lib/scoring/declaration.ts).
 */
export const editionSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,58}$/),
  name: z.string().min(1),
  passMark: points,
  /** Items published in this many days before the monitoring date are checked by the text detectors. */
  contentWindowDays: days,
  /** Score recorded for a vetoed account in notices (e.g. 59): the vetoed total is capped at this value. */
  vetoScore: points,
  /** 加分 items a supervisor may award an account; counted once per item per window, capped, only at minScore or above. */
  bonus: z.object({
    cap: points,
    minScore: points,
    items: z
      .array(bonusItem)
      .max(20)
      .default([])
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, 'Bonus item codes must be unique'),
  }),
  veto: z.object(vetoSections),
  ...sections,
  annual: z.object({
    A0: z.object({ maxV11Failures: z.number().int().min(0) }),
    A1: z.object({
      max: points,
      missingQuarterPoints: points,
      minCoverage: z.number().min(0).max(1),
      lowCoveragePoints: points,
    }),
    A2: z.object({ max: points, missingNoticePoints: points }),
    A3: z.object({ max: points, deadlineWorkdays: z.number().int().min(1), overduePoints: points, latePoints: points }),
    A4: z.object({ max: points, unregisteredPoints: points, zombiePoints: points }),
    A5: z.object({ max: points, below90Points: points, below80Points: points }),
  }),
});
export type Edition = z.infer<typeof editionSchema>;
export type EditionInput = z.input<typeof editionSchema>;

export type DeductionCode = keyof DeclaredSections & string;
export const DEDUCTION_CODES = Object.keys(sections) as readonly DeductionCode[];
type Dotted<K extends string> = K extends `${infer A}_${infer B}` ? `${A}.${B}` : K;
export type VetoCode = Dotted<keyof DeclaredVetoSections & string>;
export const VETO_CODES = Object.keys(vetoSections).map((key) => key.replace('_', '.')) as readonly VetoCode[];

/** The detectors' national-2019 values of their sections (editions/national-2019.ts adds the rest). */
export const DECLARED_BASELINE = {
  veto: Object.assign({}, ...DETECTORS.map((d) => d.vetoBaseline)) as EditionInput['veto'],
  sections: Object.assign({}, ...DETECTORS.map((d) => d.baseline)) as Pick<EditionInput, DeductionCode>,
};

/** Deep-merges `changes` into a copy of `base` and validates the result (admins derive editions this way). */
export function cloneEdition(base: Edition, changes: Record<string, unknown>): Edition {
  const merge = (a: unknown, b: unknown): unknown => {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || Array.isArray(b))
      return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  };
  return editionSchema.parse(merge(base, changes));
}

export type BonusItem = z.infer<typeof bonusItem>;

/** Replaces the bonus item list of a copy of `edition` and validates it. */
export function withBonusItems(edition: Edition, items: unknown): Edition {
  return editionSchema.parse({ ...edition, bonus: { ...edition.bonus, items } });
}

export type EditionField = { path: string; value: number | boolean };

/** Every tunable leaf of an edition (numbers and switches) as dotted paths, in catalogue order; code and name excluded. */
export function editionFields(edition: Edition): EditionField[] {
  const out: EditionField[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number' || typeof value === 'boolean') out.push({ path, value });
    // Lists (bonus items) are edited as whole rows, not as dotted leaves.
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  const { code: _code, name: _name, ...rest } = edition;
  walk(rest, '');
  return out;
}

/** Sets dotted-path values on a copy of `edition` and validates it; unknown paths are refused, not ignored. */
export function withEditionFields(
  edition: Edition,
  values: Record<string, number | boolean>,
  identity: { code: string; name: string },
): Edition {
  const known = new Set(editionFields(edition).map((f) => f.path));
  const changes: Record<string, unknown> = { ...identity };
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path))
      throw new z.ZodError([{ code: 'custom', path: [path], message: 'Unknown edition field', input: value }]);
    const keys = path.split('.');
    let node = changes;
    keys.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    node[keys[keys.length - 1] as string] = value;
  }
  return cloneEdition(edition, changes);
}
