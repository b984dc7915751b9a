/** Finds the rule for a job (first match wins, further matches are `rule-overlap`) and applies it. */
import type { JobTranslation } from '../convert/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { applyRule } from './apply.js';
import { ruleDiagnostic } from './codes.js';
import { jobFacts } from './facts.js';
import { matchBlock, type Captures } from './match.js';
import type { JobFacts, JobInput, RuleSet, TranslationRule } from './types.js';

export interface TranslateResult {
  /** undefined only when no rule matched (a `rule-no-match` error is in diagnostics) */
  translation: JobTranslation | undefined;
  diagnostics: Diagnostic[];
}

function matches(rule: TranslationRule, facts: JobFacts): Captures | null {
  const captures = matchBlock(facts, rule.match);
  if (!captures) return null;
  if (rule.except && matchBlock(facts, rule.except)) return null;
  return captures;
}

/** Translation from already-extracted facts (rule file examples use this directly). */
export function translateFacts(facts: JobFacts, set: RuleSet, source?: JobInput['source']): TranslateResult {
  const where = source ? { file: source.file, ...(source.line ? { line: source.line } : {}) } : {};
  let first: { rule: TranslationRule; captures: Captures } | undefined;
  const diagnostics: Diagnostic[] = [];
  for (const rule of set.rules) {
    const captures = matches(rule, facts);
    if (!captures) continue;
    if (!first) {
      first = { rule, captures };
      continue;
    }
    diagnostics.push(
      ruleDiagnostic('rule-overlap', `${first.rule.id} (used) and ${rule.id}`, {
        ...where,
        job: facts.jobName,
        ruleId: rule.id,
        data: { winner: first.rule.id, other: rule.id },
      }),
    );
  }
  if (!first) {
    diagnostics.push(ruleDiagnostic('rule-no-match', '', { ...where, job: facts.jobName }));
    return { translation: undefined, diagnostics };
  }
  const applied = applyRule(first.rule, facts, first.captures, set.vocabulary);
  for (const d of applied.diagnostics) Object.assign(d, where, { ruleId: first.rule.id });
  diagnostics.push(...applied.diagnostics);
  return { translation: applied.translation, diagnostics };
}

/** Translates one Jenkins job (independent of the projects that run it). */
export function translateJob(job: JobInput, set: RuleSet): TranslateResult {
  return translateFacts(jobFacts(job), set, job.source);
}

/**
 * A Zuul job name with no JJB definition (e.g. Zuul's built-in `noop`): translated from its
 * name alone, so a rule keyed on `jobName` can still classify it.
 */
export function translateJobName(name: string, set: RuleSet, source: JobInput['source']): TranslateResult {
  return translateJob({ name, job: {}, source }, set);
}

/**
 * Translates every job once, keyed by name (one JJB job serves hundreds of projects; callers look
 * translations up by the Zuul job name). Later duplicates of a name are ignored.
 */
export function translateAll(
  jobs: Iterable<JobInput>,
  set: RuleSet,
): { translations: Map<string, JobTranslation>; diagnostics: Diagnostic[] } {
  const translations = new Map<string, JobTranslation>();
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const job of jobs) {
    if (seen.has(job.name)) continue;
    seen.add(job.name);
    const r = translateJob(job, set);
    if (r.translation) translations.set(job.name, r.translation);
    diagnostics.push(...r.diagnostics);
  }
  return { translations, diagnostics };
}
