import { z } from 'zod';
import type { AccountHistory, DetectorResult, ScoringContext } from './types';

// A detector declares the part of the edition it reads (docs/architecture.md "An indicator"): the edition schema,
// the national-2019 baseline, the deduction and veto code lists and the stored-edition upgrade steps are composed
// from these declarations (edition.ts, editions/national-2019.ts, edition-versions.ts), so an indicator is its
// detector file, its labels in the two message files and one line in DETECTORS (detectors/index.ts).

export const points = z.number().min(0).max(100);
export const days = z.number().int().min(1).max(3660);

/** A deduction indicator's edition section: switched on by default, its maximum deduction, then its own values. */
export const indicatorSection = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ enabled: z.boolean().default(true), max: points, ...shape });

type NoSections = Record<never, z.ZodType>;
type Values<S extends z.ZodRawShape> = z.input<z.ZodObject<S>>;
/** Values given to stored editions at a later schema version: any fields of the declared sections. */
type Additions<S extends z.ZodRawShape> = { [K in keyof S]?: Partial<z.input<S[K]>> };

export type Detect = (history: AccountHistory, ctx: ScoringContext) => DetectorResult;

export type DetectorDeclaration<F extends z.ZodRawShape = NoSections, V extends z.ZodRawShape = NoSections> = {
  /**
   * Edition sections of the deduction indicators it owns, keyed by code (`D1` … `D99`): the edition's top-level
   * keys and the scorecard's deduction codes. Another detector may read a section; only one declares it.
   */
  fields: F;
  /** Sections of the edition's `veto` object for the vetoes it owns, keyed `V1_4` for code `V1.4`. */
  vetoFields: V;
  /** national-2019 values of `fields` (docs/indicators.md). */
  baseline: Values<F>;
  /** national-2019 values of `vetoFields`. */
  vetoBaseline: Values<V>;
  /**
   * Edition schema version in which these sections entered: stored editions of an earlier version get them with
   * their baseline values on read (edition-versions.ts), unless `added` gives other values for that version.
   */
  since: number;
  /**
   * Fields that entered later, by the schema version that added them, with the values stored editions of an earlier
   * version get on read: the values that keep their scores unchanged. Never edit an entry that shipped.
   */
  added?: Readonly<Record<number, { fields?: Additions<F>; veto?: Additions<V> }>>;
  detect: Detect;
};

/** Checks a detector's declaration against its own sections (baseline values, additions) at compile time. */
export function declareDetector<const F extends z.ZodRawShape = NoSections, const V extends z.ZodRawShape = NoSections>(
  declaration: DetectorDeclaration<F, V>,
): DetectorDeclaration<F, V> {
  return declaration;
}
