/** `j2a zuul jobs` on a small fixture (in-process), and the typed pipeline data of that fixture. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZuulJobs } from '../../src/zuul/cli.js';
import { loadLayout } from '../../src/zuul/index.js';
import { repoRoot } from '../helpers/shared.js';

const fixture = path.join(repoRoot, 'test/fixtures/zuul/small/layout.yaml');

async function run(args: { project?: string[]; format: 'json' | 'table'; jjb?: string }) {
  let out = '';
  let err = '';
  const code = await runZuulJobs(fixture, args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('j2a zuul jobs', () => {
  it('--format json prints {projects, queues} in the golden shape', async () => {
    const r = await run({ format: 'json' });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({
      projects: {
        'org/alpha': {
          check: [
            { job: 'alpha-unit', voting: true },
            { job: 'lint', queue: 'shared', voting: true },
            { children: [{ job: 'alpha-deploy-non-voting', voting: false }], job: 'alpha-build', voting: true },
          ],
          gate: [{ job: 'lint', queue: 'shared', voting: true }],
        },
        'org/beta': {
          check: [
            { job: 'beta-unit', voting: true },
            { job: 'lint', queue: 'shared', voting: true },
          ],
          'check-rel': [{ job: 'noop', voting: true }],
          gate: [
            { job: 'lint', queue: 'shared', voting: true },
            { job: 'beta-only', voting: true },
          ],
        },
      },
      queues: { gate: [{ name: 'shared', projects: ['org/alpha', 'org/beta'] }] },
    });
  });

  it('--project filters projects and queues; --format table is one line per job', async () => {
    const r = await run({ format: 'table', project: ['org/alpha'] });
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROJECT\s+PIPELINE\s+JOB\s+VOTING\s+FILTERS$/);
    expect(lines).toHaveLength(6);
    expect(lines[4]).toMatch(/^org\/alpha\s+check\s+ {2}alpha-deploy-non-voting\s+no$/);
    const j = JSON.parse((await run({ format: 'json', project: ['org/beta'] })).out);
    expect(Object.keys(j.projects)).toEqual(['org/beta']);
  });

  it('--jjb with a file of job names reports tree jobs JJB does not define (noop is built in)', async () => {
    const names = path.join(repoRoot, 'test/fixtures/zuul/small/jjb-job-names.txt');
    const r = await run({ format: 'json', jjb: names });
    expect(r.code).toBe(0);
    expect(r.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/layout\.yaml:5\d: warning zuul-job-undefined: .*: alpha-deploy-non-voting \(repo org\/alpha/),
      expect.stringMatching(/layout\.yaml:\d+: warning zuul-job-undefined: .*: beta-only \(repo org\/beta/),
    ]);
    expect((await run({ format: 'json', jjb: '/nonexistent' })).code).toBe(2);
  });

  it('the pipelines are typed data: merge keys, defaults, reporters, window', () => {
    const { layout, diagnostics } = loadLayout(fixture);
    expect(diagnostics).toEqual([]);
    const [check, rel, gate] = layout.pipelines;
    expect(check).toMatchObject({ name: 'check', precedence: 'high', source: 'gerrit', reporters: { success: { gerrit: { verified: 2 } } } });
    expect(rel).toMatchObject({ name: 'check-rel', precedence: 'normal', manager: 'IndependentPipelineManager' });
    expect(rel!.triggers.gerrit[0]).toMatchObject({ events: ['patchset-created'], branches: ['^REL'], ignoreDeletes: true });
    expect(gate).toMatchObject({
      manager: 'DependentPipelineManager',
      window: { size: 5, floor: 2, increaseType: 'linear', increaseFactor: 1, decreaseType: 'exponential', decreaseFactor: 2 },
      require: { open: true, approvals: [], statuses: [] },
      reporters: { failure: { gerrit: { verified: -1 } }, mergeFailure: { gerrit: { verified: -1 } } },
      dequeueOnNewPatchset: true,
    });
    expect(gate!.triggers.gerrit[0]!.approvals).toEqual({ 'code-review': 2 });
  });
});
