/** Public API of the translation rules. */
export { loadRules, loadRulesOrThrow, DEFAULT_RULES_DIR, type LoadedRules } from './load.js';
export { translateJob, translateAll, translateFacts, translateJobName, type TranslateResult } from './translate.js';
export { jobFacts } from './facts.js';
export { RULE_CODES } from './codes.js';
export type { JobInput, JobFacts, RuleSet, TranslationRule, RuleExample, Vocabulary } from './types.js';
