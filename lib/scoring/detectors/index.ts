import { accountManagement } from './account-management';
import { appHealth } from './app-health';
import { deletedCorrections } from './corrections';
import { hijack } from './hijack';
import { interaction } from './interaction';
import { operations } from './operations';
import { personalData } from './personal-data';
import { replies } from './replies';
import { staleness } from './staleness';
import { textRules } from './text-rules';

/**
 * Every detector, in the order scoring runs them (the first reason a code lacks data is the one shown). The edition
 * schema, the national-2019 baseline, the code lists and the upgrade of stored editions are composed from their
 * declarations (lib/scoring/declaration.ts): a new detector file is one line here.
 */
export const DETECTORS = [
  staleness,
  interaction,
  textRules,
  deletedCorrections,
  personalData,
  replies,
  hijack,
  appHealth,
  accountManagement,
  operations,
] as const;
