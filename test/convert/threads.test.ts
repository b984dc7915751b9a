/**
 * `j2a convert` with the helper thread (src/run/helper.ts): JJB is read and the files are written in a worker,
 * with the same result as one thread. Run through tsx, so the worker is src/run/helper-thread.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', cwd: repoRoot });
const j2a = (args: string[]) => node([path.join(repoRoot, 'src/cli.ts'), ...args]);

/** relative path -> bytes, for every file under `dir` */
function tree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = path.join(rel, name);
    if (statSync(path.join(dir, r)).isDirectory()) for (const [k, v] of tree(dir, r)) out.set(k, v);
    else out.set(r, readFileSync(path.join(dir, r), 'utf8'));
  }
  return out;
}

describe('j2a convert --threads', () => {
  it('writes the same files, stdout and stderr with one thread and with the helper thread', () => {
    const base = tempDir('j2a-threads-');
    const one = j2a(['convert', 'corpus', '--out', path.join(base, 'one'), '--threads', '1']);
    const two = j2a(['convert', 'corpus', '--out', path.join(base, 'two'), '--threads', '2']);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const a = tree(path.join(base, 'one'));
    const b = tree(path.join(base, 'two'));
    expect(a.size).toBeGreaterThan(30); // the sample corpus: 15 projects, reports and .pipeline files
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
    // nothing is left of the staging directories
    expect(readdirSync(base).sort()).toEqual(['one', 'two']);
  });

  it('rejects a thread count other than 1 or 2 (exit 2)', () => {
    const r = j2a(['convert', 'corpus', '--threads', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads must be 1 or 2/);
  });

  it.each([1, 2])('reports a write that failed once every write has stopped (threads %i)', (threads) => {
    const dir = tempDir('j2a-threads-');
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory\n');
    const script = `
      import { startHelper } from ${JSON.stringify(path.join(repoRoot, 'src/run/helper.ts'))};
      const h = startHelper(${threads});
      h.write(${JSON.stringify(dir)}, [['ok/one.txt', 'one'], ['a-file/two.txt', 'two'], ['ok/three.txt', 'three']]);
      try { await h.flush(); console.log('resolved'); } catch (e) { console.log('rejected: ' + e.name + ': ' + e.message); }
      h.dispose();`;
    const r = node(['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^rejected: WriteError: cannot write the output: EEXIST: .*a-file/);
    expect(readFileSync(path.join(dir, 'ok/one.txt'), 'utf8')).toBe('one');
    // the writes after the failed one are skipped: the run is aborted anyway
    expect(() => statSync(path.join(dir, 'ok/three.txt'))).toThrow();
  });

  it.each([1, 2])('reports a failed report write (threads %i; with 2 the helper thread writes the reports)', (threads) => {
    const dir = tempDir('j2a-threads-');
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports', 'blocked'), 'not a directory\n');
    const plan = (project: string) => ({ result: { project, status: 'blocked', entries: [], diagnostics: [] }, pipelines: [], files: new Map() });
    const script = `
      import { startHelper } from ${JSON.stringify(path.join(repoRoot, 'src/run/helper.ts'))};
      const h = startHelper(${threads});
      const plan = ${plan.toString()};
      h.writePlans(${JSON.stringify(dir)}, [plan('ok/one'), plan('blocked/two'), plan('ok/three')]);
      try { await h.flush(); console.log('resolved'); } catch (e) { console.log('rejected: ' + e.name + ': ' + e.message); }
      h.dispose();`;
    const r = node(['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^rejected: WriteError: cannot write the output: EEXIST: .*reports\/blocked/);
    expect(readFileSync(path.join(dir, 'reports/ok/one.json'), 'utf8')).toContain('"project": "ok/one"');
    expect(() => statSync(path.join(dir, 'reports/ok/three.json'))).toThrow();
  });
});
