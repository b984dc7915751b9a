/** Runs the worked examples of the rule files (also `j2a rules check`): each must reach its rule and expectation. */
import type { Diagnostic } from '../diagnostics.js';
import { ruleDiagnostic } from './codes.js';
import { completeFacts } from './facts.js';
import { translateFacts } from './translate.js';
import type { RuleSet } from './types.js';

/** `expected` is contained in `actual`: maps by key, lists element-wise with the same length. */
export function isSubset(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => isSubset(e, actual[i]));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => isSubset(v, a[k]));
  }
  return Object.is(expected, actual);
}

/** One `rule-example-failed` diagnostic per example that misses its rule or expectation, or overlaps. */
export function runExamples(set: RuleSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ex of set.examples) {
    const where = { file: ex.source.file, ...(ex.source.line ? { line: ex.source.line } : {}), job: ex.job.name };
    const r = translateFacts(completeFacts(ex.job), set);
    const wanted = `${ex.fileId}/${ex.rule}`;
    const overlaps = r.diagnostics.filter((d) => d.code === 'rule-overlap');
    if (r.translation?.ruleId !== wanted) {
      out.push(ruleDiagnostic('rule-example-failed', `matched ${r.translation?.ruleId ?? 'no rule'}, not ${wanted}`, where));
    } else if (!isSubset(ex.expect, r.translation)) {
      out.push(ruleDiagnostic('rule-example-failed', `got ${JSON.stringify(r.translation)}`, where));
    } else if (overlaps.length) {
      out.push(ruleDiagnostic('rule-example-failed', overlaps.map((d) => d.message).join('; '), where));
    }
  }
  return out;
}
