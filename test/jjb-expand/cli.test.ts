/** `j2a jjb expand`: output formats and exit codes (0 clean, 1 errors with jobs, 2 unusable input). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExpand } from '../../src/jjb/cli.js';
import { goldenDir, hasShared, repoRoot, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';
import { MANAGED, writeTree } from './helpers.js';

warnIfNoShared('j2a jjb expand golden comparison');

describe('j2a jjb expand', () => {
  it('prints one Python-style JSON line per job in generation order; exit 0 when clean', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: b, f: 1.0, n: 2}\n- job: {name: a}\n' });
    const r = runExpand(['jjb'], { root, format: 'jsonl' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `{"order":0,"name":"b","job":{"name":"b","f":1.0,"n":2,"description":"${MANAGED}"}}\n` +
        `{"order":1,"name":"a","job":{"name":"a","description":"${MANAGED}"}}\n`,
    );
  });
  it('--format names sorts by bytes', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: b}\n- job: {name: B}\n- job: {name: é}\n- job: {name: a}\n' });
    expect(runExpand(['jjb'], { root, format: 'names' }).stdout).toBe('B\na\nb\né\n');
  });
  it('exit 1 when jobs were produced with errors', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: a}\n- project: {name: p, jobs: [nope]}\n' });
    const r = runExpand(['jjb'], { root, format: 'names' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('a\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['jjb-unknown-template']);
  });
  it('a missing include is a warning: exit 0', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: a, shell: !include-raw: nothere.sh}\n' });
    const r = runExpand(['jjb'], { root, format: 'jsonl' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('"shell":"MISSING-INCLUDE(nothere.sh)"');
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
  it('exit 2 for a missing path or a YAML syntax error', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: a\n' });
    expect(runExpand(['jjb'], { root, format: 'jsonl' }).exitCode).toBe(2);
    expect(runExpand(['does-not-exist'], { root, format: 'jsonl' }).exitCode).toBe(2);
  });
  it('--expand-macros replaces macro calls with built-ins', () => {
    const root = writeTree({ 'a.yaml': "- builder: {name: m, builders: [{shell: 'x {a}'}]}\n- job: {name: j, builders: [{m: {a: A}}]}\n" });
    expect(runExpand(['jjb'], { root, format: 'jsonl', expandMacros: true }).stdout).toContain('"builders":[{"shell":"x A"}]');
  });
  it('the real CLI writes diagnostics to stderr as file:line: severity code: message', () => {
    const root = writeTree({ 'a.yaml': '- job: {name: a}\n- project: {name: p, jobs: [nope]}\n' });
    const args = ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'jjb', 'expand', 'jjb', '--root', root, '--format', 'names'];
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toMatch(/^jjb\/a\.yaml:2: error jjb-unknown-template: .*Failed to find suitable template named 'nope'/mu);
  });
});

describe.skipIf(!hasShared)('j2a jjb expand on the shared corpus', () => {
  it('prints the golden jsonl byte for byte', () => {
    const r = runExpand([path.join(sharedCorpus, 'jjb')], { root: sharedCorpus, format: 'jsonl' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout === readFileSync(path.join(goldenDir, 'jjb-expanded-jobdicts.jsonl'), 'utf8')).toBe(true);
  });
});
