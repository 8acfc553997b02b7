export { buildDemoProvince, DEFAULT_DEMO_SEED, type DemoProvince } from './province';
export { DEMO_GOLDEN_ACCOUNTS, DEMO_TRAIT_ACCOUNTS, isAppAccount, type DemoAccount } from './accounts';
export type { DemoAgency } from './agencies';
export type { DemoHistory } from './history';
export { crawlTimes, toSnapshotInputs } from './snapshots';
export { toSandboxScenario, type DemoSandboxScenario } from './sandbox';
