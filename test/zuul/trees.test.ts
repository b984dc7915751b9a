/** Templates, job trees, shared queues and layout diagnostics (Zuul 2.5 `_parseConfig`, doc §4, §5, §8). */
import { describe, expect, it } from 'vitest';
import { resolveYaml } from './helpers.js';

const jobsOf = (nodes: { job: string }[] | undefined) => (nodes ?? []).map((n) => n.job);

describe('project templates', () => {
  it('templates apply in listed order before the project\'s own jobs; a job two templates add appears once', () => {
    const { resolved } = resolveYaml(`project-templates:
  - name: t1
    check: [a, b]
    gate: [a]
  - name: t2
    check: [b, c]
projects:
  - name: org/p
    template:
      - name: t1
      - name: t2
    check: [own, a]
`);
    const p = resolved.projects.get('org/p')!;
    expect(jobsOf(p.get('check'))).toEqual(['a', 'b', 'c', 'own']);
    expect(jobsOf(p.get('gate'))).toEqual(['a']);
  });

  it('{name} is the project short name; other parameters come from the call; {{ }} are literal braces', () => {
    const { resolved, diagnostics } = resolveYaml(`project-templates:
  - name: lint
    check: ['{name}-lint', '{name}-{env}', 'x{{y}}']
    gate: [{'{name}-parent': ['{name}-child']}]
projects:
  - name: example/tools/foo
    template:
      - name: lint
        env: py39
`);
    expect(diagnostics).toEqual([]);
    const p = resolved.projects.get('example/tools/foo')!;
    expect(jobsOf(p.get('check'))).toEqual(['foo-lint', 'foo-py39', 'x{y}']);
    expect(p.get('gate')![0]).toMatchObject({ job: 'foo-parent', children: [{ job: 'foo-child' }] });
  });

  it('a missing parameter is a diagnostic (Python str.format raises KeyError)', () => {
    const { diagnostics } = resolveYaml(`project-templates:
  - name: t
    check: ['{name}-{missing}']
projects:
  - name: p
    template: [{name: t}]
`);
    expect(diagnostics.map((d) => d.code)).toEqual(['zuul-template-format']);
  });
});

describe('job trees', () => {
  it('a dict nests children; a repeated job at one level merges, keeping its first position', () => {
    const { golden } = resolveYaml(`projects:
  - name: p
    check:
      - a
      - b: [c, d]
      - e
      - b: [f]
      - a: [c]
`);
    expect(golden.projects['p']!['check']).toEqual([
      { children: [{ job: 'c', voting: true }], job: 'a', voting: true },
      { children: [{ job: 'c', voting: true }, { job: 'd', voting: true }, { job: 'f', voting: true }], job: 'b', voting: true },
      { job: 'e', voting: true },
    ]);
  });

  it('the same job at two levels appears twice; nesting may go deeper', () => {
    const { golden } = resolveYaml(`projects:
  - name: p
    check:
      - a: [{b: [a]}]
`);
    expect(golden.projects['p']!['check']).toEqual([
      { children: [{ children: [{ job: 'a', voting: true }], job: 'b', voting: true }], job: 'a', voting: true },
    ]);
  });

  it('an empty list puts the project in the pipeline with no jobs; an unmentioned pipeline does not', () => {
    const { resolved, golden } = resolveYaml(`projects:
  - name: p
    check: []
  - name: idle
`);
    expect(golden.projects).toEqual({ p: { check: [] } });
    expect(resolved.idleProjects).toEqual(['idle']);
  });

  it('a nested list is iterated as Python does: a string item adds one job per character', () => {
    const { resolved, diagnostics } = resolveYaml(`projects:
  - name: p
    check:
      - [ab, {c: [d]}]
`);
    expect(jobsOf(resolved.projects.get('p')!.get('check'))).toEqual(['a', 'b', 'c']);
    expect(diagnostics.map((d) => d.code)).toEqual(['zuul-nested-list']);
  });

  it('a mapping with several parents is reported: Python 2 dict order is not file order', () => {
    const { resolved, diagnostics } = resolveYaml(`projects:
  - name: p
    check:
      - {a: [b], c: [d]}
`);
    expect(jobsOf(resolved.projects.get('p')!.get('check'))).toEqual(['a', 'c']);
    expect(diagnostics.map((d) => d.code)).toEqual(['zuul-multi-key-tree-dict']);
  });

  it('a parent with branch/files/skip-if filters is reported (its children would wait forever)', () => {
    const { diagnostics } = resolveYaml(`jobs:
  - name: parent
    files: ['^src/']
projects:
  - name: p
    check:
      - parent: [child]
      - other: [child]
`);
    expect(diagnostics.map((d) => [d.code, d.job])).toEqual([['zuul-filtered-parent', 'parent']]);
  });

  it('a job name with whitespace is reported once (Zuul requires ^\\S+$); other scalars are ignored by Zuul', () => {
    const { resolved, diagnostics } = resolveYaml(`projects:
  - name: p
    check: ['bad name', 'bad name', 42]
  - name: q
    check: ['bad name']
`);
    expect(jobsOf(resolved.projects.get('p')!.get('check'))).toEqual(['bad name']);
    expect(diagnostics.map((d) => [d.code, d.repo])).toEqual([
      ['zuul-bad-job-name', 'p'],
      ['zuul-bad-job-name', 'p'],
    ]);
    expect(diagnostics[1]!.message).toMatch(/42 \(ignored by Zuul\)/);
  });

  it('job attributes are global: the same node data in every project and pipeline', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: j
    voting: false
projects:
  - name: p1
    check: [j]
  - name: p2
    gate: [j]
`);
    expect(resolved.projects.get('p1')!.get('check')![0]!.voting).toBe(false);
    expect(resolved.projects.get('p2')!.get('gate')![0]!.voting).toBe(false);
  });
});

describe('shared change queues (dependent pipelines)', () => {
  it('projects sharing a job merge, transitively; noop does not merge; names sort', () => {
    const { golden } = resolveYaml(`projects:
  - name: c
    gate: [j1]
  - name: a
    gate: [j2, noop]
  - name: b
    gate: [{j0: [j1]}, j2]
  - name: d
    gate: [noop]
  - name: e
    gate: [noop]
  - name: f
    check: [j1]
`);
    expect(golden.queues).toEqual({
      gate: [
        { name: 'a, b, c', projects: ['a', 'b', 'c'] },
        { name: 'd', projects: ['d'] },
        { name: 'e', projects: ['e'] },
      ],
    });
  });

  it('a queue is named by the queue-name of any of its jobs; two names conflict', () => {
    const ok = resolveYaml(`jobs:
  - name: j1
    queue-name: shared
projects:
  - name: b
    gate: [j1, x]
  - name: a
    gate: [x]
`);
    expect(ok.golden.queues['gate']).toEqual([{ name: 'shared', projects: ['a', 'b'] }]);
    const bad = resolveYaml(`jobs:
  - name: j1
    queue-name: one
  - name: j2
    queue-name: two
projects:
  - name: a
    gate: [j1, j2]
`);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['zuul-queue-name-conflict']);
  });
});

describe('diagnostics with file:line', () => {
  it('unknown pipeline, undefined template, duplicate project, invalid regex', () => {
    const { diagnostics } = resolveYaml(`jobs:
  - name: ^bad(
  - name: j
    files: ['(?(1)a|b)']
projects:
  - name: p
    template: [{name: nope}]
    chekc: [j]
  - name: p
    check: [j]
`);
    const got = diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(got).toEqual(
      expect.arrayContaining([
        // PIPELINES is 13 lines: the body starts at line 14. A regex is located at its job entry.
        'zuul-invalid-regex@15',
        'zuul-invalid-regex@16',
        'zuul-template-undefined@20',
        'zuul-unknown-pipeline@21',
        'zuul-duplicate-project@22',
      ]),
    );
    expect(got).toHaveLength(5);
    expect(diagnostics.every((d) => d.file === 'layout.yaml')).toBe(true);
  });

  it('jobs JJB does not define are reported when the JJB names are given, except noop', () => {
    const { diagnostics } = resolveYaml(
      `projects:
  - name: p
    check: [known, unknown, noop]
`,
      { jjbJobNames: new Set(['known']) },
    );
    expect(diagnostics.map((d) => [d.code, d.job, d.line])).toEqual([['zuul-job-undefined', 'unknown', 16]]);
  });

  it('invalid YAML is a diagnostic with a line, not an exception', () => {
    const { diagnostics } = resolveYaml('projects:\n  - name: [unclosed\n');
    expect(diagnostics[0]).toMatchObject({ code: 'zuul-yaml-error', file: 'layout.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThan(14);
  });
});
