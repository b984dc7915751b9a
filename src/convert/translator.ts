/**
 * The translator `j2a convert` uses: the rules engine (src/rules) with the rule files of `rules/`, checked
 * up front (an invalid rule file is a ConfigError before any project). Zuul-only names such as `noop` are
 * translated from their name alone.
 */
import type { Diagnostic } from '../diagnostics.js';
import { loadRulesOrThrow, translateFacts, translateJobName } from '../rules/index.js';
import type { Translate } from './inputs.js';

export function rulesTranslator(dir?: string): { translate: Translate; diagnostics: Diagnostic[] } {
  const loaded = loadRulesOrThrow(dir);
  const set = loaded.rules;
  const translate: Translate = (name, job) => (job ? translateFacts(job.facts, set, job.source) : translateJobName(name, set, { file: 'zuul/layout.yaml' }));
  return { translate, diagnostics: loaded.diagnostics };
}
