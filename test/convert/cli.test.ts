import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const j2a = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { encoding: 'utf8', cwd: repoRoot });

/** A golden-format input directory made from the python-tox fixture. */
function tinyGolden(): string {
  const dir = tempDir('j2a-cli-golden-');
  const fx = path.join(repoRoot, 'test/fixtures/translate/python-tox/input');
  const jobs = JSON.parse(readFileSync(path.join(fx, 'jobs.json'), 'utf8')) as { name: string; template?: string; job: object }[];
  const zuul = JSON.parse(readFileSync(path.join(fx, 'zuul.json'), 'utf8')) as { project: string; pipelines: object };
  writeFileSync(path.join(dir, 'jjb-expanded-jobdicts.jsonl'), jobs.map((j, order) => JSON.stringify({ order, name: j.name, job: j.job })).join('\n'));
  writeFileSync(path.join(dir, 'jjb-expanded-jobs.json'), JSON.stringify({ jobs: Object.fromEntries(jobs.map((j) => [j.name, { template: j.template }])), scripts: {} }));
  writeFileSync(path.join(dir, 'zuul-jobtrees.json'), JSON.stringify({ projects: { [zuul.project]: zuul.pipelines, 'other/project': { test: [{ job: 'noop', voting: true }] } }, queues: {} }));
  return dir;
}

describe('j2a convert', () => {
  it('exits 2 for a missing input directory or a bad option', () => {
    const missing = j2a(['convert', path.join(tmpdir(), 'no-such-dir-j2a')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/not a directory/);
    const bad = j2a(['convert', 'corpus', '--concurrency', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--concurrency/);
  });

  it('converts, writes the layout, prints the summary table (or JSON) and exits 0', () => {
    const golden = tinyGolden();
    const out = tempDir('j2a-cli-out-');
    const r = j2a(['convert', 'corpus', '--from-golden', golden, '--out', out]);
    expect(r.stderr).not.toMatch(/converting \d/); // no progress line without a TTY
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^projects 2: migrated 0, convertible 1, partial 1, blocked 0, archived 0, failed 0$/m);
    for (const f of ['repos/labs/tools/foo/.pipeline/config.yaml', 'reports/labs/tools/foo.md', 'reports/other/project.json', 'summary.json', 'summary.md', 'integration-config/zuul/layout-projects.yaml', 'integration-config/jjb/project-pipelines.yaml'])
      expect(existsSync(path.join(out, f)), f).toBe(true);
    const json = j2a(['convert', 'corpus', '--from-golden', golden, '--out', out, '--json', '--project', 'labs/**']);
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout) as { projects: number; byStatus: Record<string, number> };
    expect(summary.projects).toBe(1);
    expect(summary.byStatus.partial).toBe(1);
  });

  it('exits 1 when a job that a project runs matches no translation rule (the run is not fully accounted for)', () => {
    const dir = tempDir('j2a-cli-unmatched-');
    cpSync(path.join(repoRoot, 'corpus'), dir, { recursive: true });
    // a job no rule knows: a freestyle job on an unknown node running a Gradle builder
    writeFileSync(
      path.join(dir, 'jjb', 'zz-unknown.yaml'),
      "- job:\n    name: 'mystery-gradle-build'\n    node: Gradle\n    builders:\n      - gradle:\n          tasks: build\n",
    );
    const layout = path.join(dir, 'zuul', 'layout.yaml');
    writeFileSync(layout, `${readFileSync(layout, 'utf8')}\n  - name: sample/mystery\n    test:\n      - mystery-gradle-build\n`);
    const out = tempDir('j2a-cli-out-');
    const r = j2a(['convert', dir, '--out', out]);
    expect(r.stderr).toMatch(/error rule-no-match: .*\(job mystery-gradle-build\)/);
    expect(r.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'reports/sample/mystery.json'), 'utf8')) as { status: string };
    expect(report.status).toBe('blocked');
  });

  it('refuses to replace a hand-written .pipeline file and prints its diff', () => {
    const golden = tinyGolden();
    const out = tempDir('j2a-cli-out-');
    j2a(['convert', 'corpus', '--from-golden', golden, '--out', out]);
    const cfg = path.join(out, 'repos/labs/tools/foo/.pipeline/config.yaml');
    writeFileSync(cfg, 'pipelines: {}\n');
    const r = j2a(['convert', 'corpus', '--from-golden', golden, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/repos/labs/tools/foo/.pipeline/config.yaml');
    expect(r.stderr).toMatch(/convert-overwrite-refused/);
    expect(readFileSync(cfg, 'utf8')).toBe('pipelines: {}\n');
  });
});

describe('j2a convert options', () => {
  it('documents every option of the table in the README', async () => {
    const { CONVERT_OPTIONS } = await import('../../src/convert/options.js');
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const o of CONVERT_OPTIONS) expect(readme).toContain(`| \`${o.flags}\``);
  });
});
