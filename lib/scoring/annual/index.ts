export { assessAnnual, subtreeFacts } from './assess';
export { quarterCodeOf, quartersOf, yearEnd, yearStart } from './calendar';
export type * from './facts';
export * from './schema';
export { annualFactValues, type FactFormat } from './fact-values';
