export { cloneEdition, editionFields, editionSchema, withBonusItems, withEditionFields, type BonusItem, type Edition, type EditionField } from './edition';
export { NATIONAL_2019 } from './editions/national-2019';
export { scoreAccount, scoringInputHash } from './evaluate';
export { compileLexicons, lexiconDefSchema, lexiconEntryDataSchema, STARTER_LEXICONS, type LexiconDef } from './lexicons';
export { nearDuplicateShares } from './near-duplicates';
export { findRepost } from './detectors/operations';
export { addWorkdays } from './time';
export type * from './types';
export { BUILT_IN_CALENDAR } from './data/cn-calendar';
