import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

const j2a = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { encoding: 'utf8' });
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'rules');

describe('j2a rules check', () => {
  it('passes on the repository rules', () => {
    const r = j2a(['rules', 'check']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+ rule files, \d+ rules, \d+ examples: ok\n$/);
    expect(r.status).toBe(0);
  });
  it('prints every error with file:line and exits 2 on invalid rule files', () => {
    const r = j2a(['rules', 'check', '--rules', path.join(fixtures, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(10);
    expect(r.stderr).toContain("bad/alpha.yaml:26: error rule-file-schema: rule file does not match the rule schema: unknown key 'imag' at /rules/3/match");
  });
  it('exits 1 when an example fails', () => {
    const r = j2a(['rules', 'check', '--rules', path.join(fixtures, 'failing-example')]);
    expect(r.stderr).toContain('failing-example/one.yaml:15: error rule-example-failed');
    expect(r.status).toBe(1);
  });
});
