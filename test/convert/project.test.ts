import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import type { JobTranslation } from '../../src/convert/types.js';
import type { ProjectTrees } from '../../src/convert/inputs.js';
import { convertProject, projectConverter, type ConvertContext } from '../../src/convert/project.js';
import { DEFAULT_NAMING } from '../../src/emit/pipelines.js';
import { loadValidators } from '../../src/emit/validate.js';

function tox(env: string, extra: Partial<JobTranslation> = {}): JobTranslation {
  return {
    job: `x-tox-${env}`,
    outcome: 'translated',
    ruleId: 'python-tox',
    ruleSource: { file: 'rules/python-tox.yaml', line: 1 },
    ecosystem: 'python',
    losses: [],
    stage: { name: `tox-${env}`, build: `tox-${env}`, run: env === 'py3' ? { env: { TOX_TESTENV_PASSENV: '*' } } : true },
    variant: { name: `tox-${env}`, base: 'docker-registry.wikimedia.org/python3-build-bookworm', builders: [{ python: { version: 'python3', requirements: ['tox.ini'] } }], extra: { copies: ['local'] }, entrypoint: ['tox', '-e', env] },
    ...extra,
  };
}

const T: Record<string, JobTranslation> = {
  'tox-py3': tox('py3'),
  'tox-lint': tox('lint'),
  'tox-docs': tox('docs'),
  'tox-cover': tox('cover', { outcome: 'partial', losses: ['test-reports'] }),
  'debian-glue': { job: 'debian-glue', outcome: 'unsupported', ruleId: 'debian-glue', ruleSource: { file: 'r' }, ecosystem: 'debian', losses: [], reason: { code: 'debian-packaging', message: 'no' } },
  'tox-shelldefault': tox('shelldefault', { stage: { name: 'setup', build: 'tox-shelldefault', run: { env: { X: '${VAR:-x}' } } } }),
  'fail-archived-repositories': { job: 'fail-archived-repositories', outcome: 'skipped', ruleId: 'archived', ruleSource: { file: 'r' }, ecosystem: 'zuul', losses: [], reason: { code: 'archived', message: 'archived' } },
  'trigger-foo-pipeline-test': { job: 'trigger-foo-pipeline-test', outcome: 'already-migrated', ruleId: 'pipelinelib', ruleSource: { file: 'r' }, ecosystem: 'pipelinelib', losses: [] },
};

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}
deepFreeze(T); // conversion must never mutate the memoised translations shared by every project

function ctx(queue: Record<string, number> = {}): ConvertContext {
  return {
    translationOf: (job) => T[job],
    defined: (job) => job in T,
    queueSize: (pipeline) => queue[pipeline],
    jjbNameOf: (project) => project.split('/').pop()!,
    validators: loadValidators(undefined),
    naming: DEFAULT_NAMING,
    archivedMarker: 'fail-archived-repositories',
    noopJob: 'noop',
  };
}

const n = (job: string, extra: object = {}) => deepFreeze({ job, voting: true, ...extra });

describe('convertProject', () => {
  it('groups test and gate-and-submit into one `test` pipeline and postmerge into `publish`', () => {
    const trees: ProjectTrees = { test: [n('tox-py3'), n('tox-lint')], 'gate-and-submit': [n('tox-py3'), n('tox-lint')], postmerge: [n('tox-docs')] };
    const plan = convertProject(ctx(), 'lib/foo', trees);
    expect(plan.result.status).toBe('convertible');
    expect(plan.pipelines.map((p) => [p.name, p.zuulPipelines, p.stages.map((s) => s.name)])).toEqual([
      ['test', ['test', 'gate-and-submit'], ['tox-py3', 'tox-lint']],
      ['publish', ['postmerge'], ['tox-docs']],
    ]);
    const config = load(plan.files.get('repos/lib/foo/.pipeline/config.yaml')!) as any;
    expect(config.pipelines.test.blubberfile).toBe('blubber.yaml');
    expect(config.pipelines.test.stages[0]).toEqual({ name: 'tox-py3', build: 'tox-py3', run: { env: { TOX_TESTENV_PASSENV: '*' } } });
    const blubber = plan.files.get('repos/lib/foo/.pipeline/blubber.yaml')!;
    expect(blubber.split('\n')[0]).toBe('# syntax=docker-registry.wikimedia.org/repos/releng/blubber/buildkit:v1.8.0');
    expect((load(blubber) as any).variants['tox-lint']).toEqual({ base: 'docker-registry.wikimedia.org/python3-build-bookworm', copies: ['local'], python: { version: 'python3', requirements: ['tox.ini'] }, entrypoint: ['tox', '-e', 'lint'] });
    expect(plan.integration!.layout).toEqual({ name: 'lib/foo', test: ['trigger-foo-pipeline-test'], 'gate-and-submit': ['trigger-foo-pipeline-test'], postmerge: ['trigger-foo-pipeline-publish'] });
    expect(plan.integration!.jjb).toEqual({ project: { name: 'foo', pipeline: ['test', 'publish'], jobs: ['trigger-{name}-pipeline-{pipeline}', '{name}-pipeline-{pipeline}'] } });
  });

  it('puts non-voting jobs in their own pipeline whose trigger job does not vote', () => {
    const trees: ProjectTrees = { test: [n('tox-py3'), n('tox-lint', { voting: false })] };
    const plan = convertProject(ctx(), 'lib/foo', trees);
    expect(plan.pipelines.map((p) => [p.name, p.voting, p.stages.map((s) => s.name)])).toEqual([
      ['test', true, ['tox-py3']],
      ['test-non-voting', false, ['tox-lint']],
    ]);
    expect(plan.integration!.layout.test).toEqual(['trigger-foo-pipeline-test', 'trigger-foo-pipeline-test-non-voting']);
    expect(plan.integration!.layoutJobs).toEqual([{ name: 'trigger-foo-pipeline-test-non-voting', voting: false }]);
    const lint = plan.result.entries.find((e) => e.job === 'tox-lint')!;
    expect([lint.plPipeline, lint.stage]).toEqual(['test-non-voting', 'tox-lint']);
  });

  it('adds Zuul losses (filters, mutex, shared queue) and makes the entry partial', () => {
    const trees: ProjectTrees = { test: [n('tox-py3', { branch: ['master'] }), n('tox-lint')], 'gate-and-submit': [n('tox-py3', { mutex: 'm' })] };
    const plan = convertProject(ctx({ 'gate-and-submit': 3 }), 'lib/foo', trees);
    expect(plan.result.status).toBe('partial');
    expect(plan.result.entries.map((e) => [e.zuulPipeline, e.job, e.outcome, e.losses])).toEqual([
      ['test', 'tox-py3', 'partial', ['branch-filter']],
      ['test', 'tox-lint', 'translated', []],
      ['gate-and-submit', 'tox-py3', 'partial', ['mutex', 'shared-queue']],
    ]);
  });

  it('moves a filter every job of a pipeline shares to its trigger job, where it is not lost', () => {
    const trees: ProjectTrees = { test: [n('tox-py3', { branch: ['(?!^REL)'], files: ['^src/'] }), n('tox-lint', { branch: ['(?!^REL)'], files: ['^src/'] })], 'gate-and-submit': [n('tox-py3'), n('tox-lint')] };
    const plan = convertProject(ctx(), 'lib/foo', trees);
    expect(plan.result.status).toBe('convertible');
    expect(plan.result.entries.every((e) => e.outcome === 'translated' && e.losses.length === 0)).toBe(true);
    // different filters: test and gate-and-submit cannot share a trigger job
    expect(plan.pipelines.map((p) => [p.name, p.zuulPipelines])).toEqual([['test', ['test']], ['gate-and-submit', ['gate-and-submit']]]);
    expect(plan.integration!.layoutJobs).toEqual([{ name: 'trigger-foo-pipeline-test', branch: ['(?!^REL)'], files: ['^src/'] }]);
  });

  it('keeps unsupported jobs in the layout, blocks the project, and writes no .pipeline files', () => {
    const plan = convertProject(ctx(), 'lib/foo', { test: [n('tox-py3'), n('debian-glue')] });
    expect(plan.result.status).toBe('blocked');
    expect(plan.files.size).toBe(0);
    expect(plan.result.entries.map((e) => e.outcome)).toEqual(['translated', 'unsupported']);
  });

  it('derives archived, migrated and skipped statuses', () => {
    expect(convertProject(ctx(), 'a', { test: [n('fail-archived-repositories')], 'gate-and-submit': [n('fail-archived-repositories')] }).result.status).toBe('archived');
    expect(convertProject(ctx(), 'a', { test: [n('trigger-foo-pipeline-test')], 'gate-and-submit': [n('noop')] }).result.status).toBe('migrated');
    const undefinedJob = convertProject(ctx(), 'a', { test: [n('nobody-defines-me')] });
    expect(undefinedJob.result.entries[0]).toMatchObject({ outcome: 'unsupported', reason: { code: 'job-undefined' } });
  });

  it('records children with their parent and orders them with `execution`', () => {
    const plan = convertProject(ctx(), 'lib/foo', { test: [{ job: 'tox-lint', voting: true, children: [n('tox-py3')] }, n('tox-docs')] });
    expect(plan.result.entries.map((e) => [e.job, e.parent])).toEqual([['tox-lint', undefined], ['tox-py3', 'tox-lint'], ['tox-docs', undefined]]);
    expect(plan.pipelines[0]!.execution).toEqual([['tox-lint', 'tox-py3'], ['tox-docs']]);
  });

  it('keeps an already-migrated project’s pipeline names and JJB name, and asks for a merge', () => {
    const plan = convertProject(ctx(), 'svc/bar', { test: [n('trigger-foo-pipeline-test'), n('tox-lint')] });
    expect(plan.jjbName).toBe('foo');
    expect(plan.pipelines.map((p) => p.name)).toEqual(['test-2']);
    expect(plan.integration!.layout.test).toEqual(['trigger-foo-pipeline-test', 'trigger-foo-pipeline-test-2']);
    expect(plan.result.diagnostics.map((d) => d.code)).toContain('convert-merge-needed');
  });

  it('never plans a file that breaks a PipelineLib runtime rule: an error diagnostic instead', () => {
    const plan = convertProject(ctx(), 'lib/foo', { test: [n('tox-shelldefault')] });
    expect(plan.files.size).toBe(0);
    expect(plan.integration).toBeUndefined();
    const codes = plan.result.diagnostics.map((d) => d.code);
    expect(codes).toContain('convert-semantic');
    expect(codes).toContain('convert-stage-renamed'); // `setup` is reserved by PipelineLib
  });
});

describe('projectConverter (projects of one shape share their conversion)', () => {
  const lint = n('tox-lint');
  const py3 = n('tox-py3', { branch: ['master'] });
  const glue = n('debian-glue');
  const undef = n('nobody-defines-me');
  const setup = n('tox-shelldefault');
  // projects in the order the batch sees them: same node objects (shared shape), equal but distinct objects,
  // the same trees with a shared queue, and shapes with undefined jobs, unsupported jobs and invalid documents
  const projects: [string, ProjectTrees][] = [
    ['lib/a', { test: [py3, lint], 'gate-and-submit': [py3, lint] }],
    ['lib/b', { test: [py3, lint], 'gate-and-submit': [py3, lint] }],
    ['lib/c', { test: [n('tox-py3', { branch: ['master'] }), n('tox-lint')], 'gate-and-submit': [py3, lint] }],
    ['lib/q', { test: [py3, lint], 'gate-and-submit': [py3, lint] }],
    ['lib/u1', { test: [undef, glue] }],
    ['lib/u2', { test: [undef, glue] }],
    ['lib/s1', { test: [setup] }],
    ['other/s1', { test: [setup] }],
    ['svc/m', { test: [n('trigger-foo-pipeline-test'), lint] }],
    ['svc/n', { test: [n('trigger-foo-pipeline-test'), lint] }],
  ];
  const context = ctx({ 'gate-and-submit': 2 });
  const queued = { ...context, queueSize: (pipeline: string, project: string) => (project === 'lib/q' ? context.queueSize(pipeline, project) : undefined) };

  it('plans every project exactly as converting it on its own does', () => {
    const convert = projectConverter(queued);
    for (const [project, trees] of projects) expect(convert(project, trees), project).toEqual(convertProject(queued, project, trees));
  });

  it('shares the entries of projects with the same nodes and queues, and only theirs', () => {
    const convert = projectConverter(queued);
    const plans = new Map(projects.map(([p, t]) => [p, convert(p, t)]));
    const entries = (p: string) => plans.get(p)!.result.entries;
    expect(entries('lib/b')).toBe(entries('lib/a'));
    expect(entries('lib/u2')).toBe(entries('lib/u1'));
    expect(entries('other/s1')).toBe(entries('lib/s1'));
    expect(entries('lib/c')).not.toBe(entries('lib/a')); // equal trees of other node objects: converted on their own
    expect(entries('lib/q')).not.toBe(entries('lib/a')); // same nodes, but a shared gate queue
    expect(entries('lib/q').find((e) => e.zuulPipeline === 'gate-and-submit')!.losses).toContain('shared-queue');
    // what names the project stays the project's own
    expect(plans.get('lib/u2')!.result.diagnostics.map((d) => d.repo)).toEqual(['lib/u2']);
    expect(plans.get('other/s1')!.result.diagnostics.every((d) => d.repo === 'other/s1')).toBe(true);
    expect(plans.get('lib/b')!.files.get('repos/lib/b/.pipeline/config.yaml')).toContain('Parity report: reports/lib/b.md');
    expect(plans.get('lib/b')!.integration!.layout.name).toBe('lib/b');
    expect(plans.get('svc/n')!.jjbName).toBe('foo');
  });
});
