export {
  cloneEdition,
  DEDUCTION_CODES,
  editionFields,
  editionSchema,
  withBonusItems,
  withEditionFields,
  VETO_CODES,
  type BonusItem,
  type DeductionCode,
  type Edition,
  type EditionField,
  type VetoCode,
} from './edition';
export {
  EDITION_SCHEMA_VERSION,
  readEdition,
  safeReadEdition,
  toStoredCatalogue,
  upgradeCatalogue,
} from './edition-versions';
export { NATIONAL_2019 } from './editions/national-2019';
export { freshnessThresholds, NEARING_MARGIN_DAYS, type FreshnessThresholds } from './freshness-thresholds';
export { scoreAccount, scoringInputHash } from './evaluate';
export {
  compileLexicons,
  lexiconDefSchema,
  lexiconEntryDataSchema,
  STARTER_LEXICONS,
  type LexiconDef,
} from './lexicons';
export { nearDuplicateShares } from './near-duplicates';
export { findRepost } from './detectors/operations';
export { addWorkdays } from '@/lib/time';
export type * from './types';
export { BUILT_IN_CALENDAR } from './data/cn-calendar';
