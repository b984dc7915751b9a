/** Runs every worked example of every rule file, through the whole rule set (first match wins). */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { completeFacts } from '../../src/rules/facts.js';
import { translateFacts } from '../../src/rules/translate.js';
import { MATCHERS } from '../../src/rules/match.js';
import { MATCH_KEYS } from '../../src/rules/types.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const { rules, diagnostics } = loadRules();

describe('rules/*.yaml', () => {
  it('load without diagnostics', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('has exactly one matcher per allowed match key', () => {
    expect(MATCHERS.map(([k]) => k).sort()).toEqual([...MATCH_KEYS].sort());
  });

  it('every rule has at least one example', () => {
    const covered = new Set(rules.examples.map((e) => `${e.fileId}/${e.rule}`));
    expect(rules.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const ex of rules.examples) {
    it(`${ex.source.file}:${ex.source.line} ${ex.job.name} -> ${ex.rule}`, () => {
      const r = translateFacts(completeFacts(ex.job), rules);
      expect(r.diagnostics.filter((d) => d.code === 'rule-overlap').map(formatDiagnostic)).toEqual([]);
      expect(r.translation?.ruleId).toBe(`${ex.fileId}/${ex.rule}`);
      expect(r.translation).toMatchObject(ex.expect);
    });
  }
});
