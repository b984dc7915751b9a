/** Rule file validation: every problem of every file, at once, with file:line. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatDiagnostic } from '../../src/diagnostics.js';
import { loadRules, loadRulesOrThrow } from '../../src/rules/load.js';
import { repoRoot } from '../helpers/shared.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'rules');

describe('loadRules', () => {
  it('reports all errors of all files with file:line', () => {
    const { diagnostics } = loadRules(path.join(fixtures, 'bad'));
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'bad/alpha.yaml:7 rule-unknown-group',
      'bad/alpha.yaml:13 rule-bad-regex',
      'bad/alpha.yaml:16 rule-unknown-reason',
      'bad/alpha.yaml:17 rule-duplicate-name',
      'bad/alpha.yaml:20 rule-outcome-fields',
      'bad/alpha.yaml:26 rule-file-schema',
      'bad/alpha.yaml:31 rule-example-rule',
      'bad/beta.yaml:1 rule-file-id',
      'bad/beta.yaml:6 rule-outcome-fields',
      'bad/delta.yaml:3 rule-file-syntax',
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(diagnostics.find((d) => d.code === 'rule-file-schema')?.message).toContain("unknown key 'imag'");
    expect(diagnostics.find((d) => d.code === 'rule-unknown-group')?.message).toContain('{{envv}}');
  });

  it('throws one ConfigError listing every error before any work', () => {
    let error: unknown;
    try {
      loadRulesOrThrow(path.join(fixtures, 'bad'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    for (const where of ['bad/alpha.yaml:7:', 'bad/alpha.yaml:31:', 'bad/beta.yaml:1:', 'bad/delta.yaml:3:']) {
      expect(text).toContain(where);
    }
  });

  it('reports a missing vocabulary', () => {
    const { diagnostics } = loadRules(path.join(fixtures, 'empty'));
    expect(diagnostics.map((d) => d.code)).toEqual(['rule-vocabulary-missing']);
  });

  it('loads a valid directory in file order, with ids <file>/<name> and sources', () => {
    const { rules, diagnostics } = loadRules(path.join(fixtures, 'good'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(rules.rules.map((r) => r.id)).toEqual(['a-first/tox-env', 'a-first/run-args', 'b-second/any-tox']);
    expect(rules.rules[0]?.source).toEqual({ file: 'good/a-first.yaml', line: 4 });
    expect(rules.examples).toHaveLength(3);
    expect(rules.vocabulary.timeout.maxMinutes).toBe(20);
  });
});
