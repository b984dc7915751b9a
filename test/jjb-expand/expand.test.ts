/**
 * Expansion rules of JJB 4.x, one small case each (jjb-expansion.md §2-§8, §14). Expected values
 * follow the documented JJB behaviour, not this implementation's output.
 */
import { describe, expect, it } from 'vitest';
import { expandJobs } from '../../src/jjb/expand.js';
import { expandInline, loadInline, MANAGED } from './helpers.js';

const names = (yaml: string): string[] => expandInline(yaml).jobs.map((j) => j.name);
const paramNames = (job: Record<string, unknown>): string[] =>
  ((job.parameters as Array<{ string: { name: string } }>) ?? []).map((p) => p.string.name);

describe('zuul pseudo-trigger (§2)', () => {
  it('turns a bare zuul trigger into the 13 ZUUL parameters and removes it', () => {
    const { byName } = expandInline(`
- job-template: {name: '{name}-t', triggers: [zuul, {timed: x}]}
- project: {name: p, jobs: ['{name}-t']}
`);
    const job = byName['p-t'];
    expect(job.triggers).toEqual([{ timed: 'x' }]);
    expect(paramNames(job)).toEqual([
      'ZUUL_UUID', 'UUID', 'ZUUL_PIPELINE', 'ZUUL_URL', 'ZUUL_PROJECT', 'ZUUL_BRANCH', 'ZUUL_CHANGES', 'ZUUL_REF',
      'ZUUL_COMMIT', 'ZUUL_CHANGE_IDS', 'ZUUL_CHANGE', 'ZUUL_PATCHSET', 'ZUUL_VOTING',
    ]);
  });
  it('zuul-post appends the post-merge set', () => {
    const { byName } = expandInline(`
- job: {name: j, triggers: [zuul-post]}
`);
    expect(paramNames(byName.j)).toEqual([
      'ZUUL_UUID', 'UUID', 'ZUUL_PIPELINE', 'ZUUL_URL', 'ZUUL_PROJECT', 'ZUUL_REF', 'ZUUL_REFNAME', 'ZUUL_OLDREV',
      'ZUUL_NEWREV', 'ZUUL_SHORT_NEWREV',
    ]);
  });
  it('leaks through shared lists: a merged template without its own triggers gets no ZUUL parameters', () => {
    const { byName } = expandInline(`
- job-template: &a
    name: a-job
    triggers: [zuul]
- job-template:
    !!merge : *a
    name: b-job
- project: {name: p, jobs: [a-job, b-job]}
`);
    expect(paramNames(byName['a-job'])).toHaveLength(13);
    expect(byName['b-job'].parameters).toBeUndefined();
  });
  it('a shared parameters list is extended twice when both entries restate triggers', () => {
    const { byName } = expandInline(`
- job-template: &a
    name: a-job
    parameters: [{string: {name: X}}]
    triggers: [zuul]
- job-template:
    !!merge : *a
    name: b-job
    triggers: [zuul]
- project: {name: p, jobs: [a-job, b-job]}
`);
    expect(paramNames(byName['a-job'])).toHaveLength(27);
    expect(paramNames(byName['b-job'])).toHaveLength(27);
  });
  it('a zuul trigger that comes only from defaults stays literal', () => {
    const { byName } = expandInline(`
- defaults: {name: global, triggers: [zuul]}
- job: {name: j}
`);
    expect(byName.j.triggers).toEqual(['zuul']);
    expect(byName.j.parameters).toBeUndefined();
  });
});

describe('defaults and plain jobs (§3, §4, §14)', () => {
  it('plain jobs come first, merged shallowly with defaults, never formatted, with the marker appended', () => {
    const { jobs } = expandInline(`
- project: {name: p, jobs: [t]}
- job-template: {name: t}
- defaults:
    name: global
    description: 'from {template-name}'
    wrappers: [timestamps]
- job: {name: plain, wrappers: [ansicolor], shell: 'awk {{x}}'}
`);
    expect(jobs.map((j) => j.name)).toEqual(['plain', 't']);
    expect(jobs[0].job).toEqual({
      description: `from {template-name}${MANAGED}`,
      wrappers: ['ansicolor'],
      name: 'plain',
      shell: 'awk {{x}}',
    });
    expect(jobs[1].job.description).toBe(`from t${MANAGED}`);
  });
  it('a missing description counts as empty; folder prefixes the name', () => {
    const { jobs } = expandInline(`
- job: {name: j, folder: f}
`);
    expect(jobs[0].name).toBe('f/j');
    expect(jobs[0].job).toEqual({ name: 'f/j', folder: 'f', description: MANAGED });
  });
  it('a non-string description is a TypeError in JJB: diagnostic, job skipped', () => {
    const { jobs, diagnostics } = expandInline('- job: {name: j, description: 5}\n');
    expect(jobs).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-bad-description']);
  });
  it('an unknown defaults set is reported with JJB wording and the job skipped', () => {
    const { jobs, diagnostics } = expandInline(`
- job: {name: j, defaults: nope}
- job: {name: k}
`);
    expect(jobs.map((j) => j.name)).toEqual(['k']);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['jjb-unknown-defaults', 2]]);
    expect(diagnostics[0].message).toContain("Unknown defaults set: 'nope'");
  });
});

describe('variable context (§6)', () => {
  it('self-formats the context once, simultaneously', () => {
    const { byName } = expandInline(`
- job-template: {name: t, out: '{a}|{b}|{timer}'}
- project: {name: p, a: '{b}', b: '{c}', c: C, timer: '{timer}', jobs: [t]}
`);
    expect(byName.t.out).toBe('{c}|C|{timer}');
  });
  it('a template key is added to the context raw, so {k|default} in it formats to itself', () => {
    const { byName } = expandInline(`
- job-template: {name: t, image: '{image|none}'}
- project: {name: p, jobs: [t]}
`);
    expect(byName.t.image).toBe('{image|none}');
  });
  it('template variables missing from the context reach the body raw (doc example)', () => {
    const { byName } = expandInline(`
- defaults: {name: global, a: default-a}
- job-template: {name: t, a: '{b}', c: '{b}', shell: 'a={a} c={c}'}
- project: {name: p, b: B, jobs: [t]}
`);
    expect(byName.t.shell).toBe('a=B c={b}');
    expect(byName.t.a).toBe('B');
    expect(byName.t.c).toBe('B');
  });
  it('project > template > defaults; project-only variables stay out of the job dict', () => {
    const { byName } = expandInline(`
- defaults: {name: global, x: dx, y: dy, z: dz}
- job-template: {name: t, x: tx, y: ty, show: '{x} {y} {z} {only}'}
- project: {name: p, x: px, only: o, jobs: [t]}
`);
    expect(byName.t).toEqual({ x: 'tx', y: 'ty', z: 'dz', name: 't', show: 'px ty dz o', description: MANAGED });
  });
  it('template-name is the raw template name; {name} is the project name', () => {
    const { byName } = expandInline(`
- job-template: {name: '{name}-{{x}}', d: '{template-name} {name}'}
- project: {name: proj, jobs: ['{name}-{{x}}']}
`);
    expect(byName['proj-{x}'].d).toBe('{name}-{{x}} proj');
  });
  it('keeps the type of {obj:x|default} results', () => {
    const { byName } = expandInline(`
- job-template: {name: '{name}-{v}', timeout: '{obj:build_timeout|20}'}
- project:
    name: p
    v: [a, {b: {build_timeout: 30}}]
    jobs: ['{name}-{v}']
`);
    expect(byName['p-a'].timeout).toBe('20');
    expect(byName['p-b'].timeout).toBe(30);
  });
});

describe('axes and exclude (§7, §8)', () => {
  it('takes the product with the last axis fastest, only for {key} in the name', () => {
    expect(
      names(`
- job-template: {name: '{name}-{a}-{b}', l: '{c}'}
- project: {name: p, a: [1, 2], b: [x, y], c: [u, v], jobs: ['{name}-{a}-{b}']}
`),
    ).toEqual(['p-1-x', 'p-1-y', 'p-2-x', 'p-2-y']);
  });
  it('mapping items set the axis value and extra variables for that combination only', () => {
    const { byName } = expandInline(`
- job-template: {name: '{name}-{php}', img: '{image|none}'}
- project:
    name: p
    php:
      - php81: {image: img81}
      - php82
    jobs: ['{name}-{php}']
`);
    expect(byName['p-php81'].img).toBe('img81');
    expect(byName['p-php82'].img).toBe('none');
    expect(byName['p-php81'].image).toBeUndefined();
  });
  it('an empty axis yields no job; axis values are formatted in the self-format pass', () => {
    expect(names(`
- job-template: {name: '{name}-{e}'}
- project: {name: p, e: [], jobs: ['{name}-{e}']}
`)).toEqual([]);
    expect(names(`
- job-template: {name: 'x-{env}'}
- project: {name: p, env: ['{name}-a'], jobs: ['x-{env}']}
`)).toEqual(['x-p-a']);
  });
  it('exclude drops matching combinations, type-sensitively', () => {
    expect(
      names(`
- job-template: {name: '{name}-{a}-{b}'}
- project:
    name: p
    a: [1, 2]
    b: [x, y]
    exclude: [{a: 1, b: y}, {a: '2'}]
    jobs: ['{name}-{a}-{b}']
`),
    ).toEqual(['p-1-x', 'p-2-x', 'p-2-y']);
  });
  it('a null mapping item is a TypeError diagnostic for that combination', () => {
    const { jobs, diagnostics } = expandInline(`
- job-template: {name: '{name}-{php}'}
- project:
    name: p
    php:
      - php81:
      - php82
    jobs: ['{name}-{php}']
`);
    expect(jobs.map((j) => j.name)).toEqual(['p-php82']);
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-bad-axis']);
    expect(diagnostics[0].message).toContain("TypeError: 'NoneType' object is not iterable");
  });
});

describe('job-groups (§5, §6)', () => {
  it('layers: project < group reference params < group keys < group entry params; name is the project', () => {
    const { byName } = expandInline(`
- job-template: {name: '{name}-t', v: '{w} {x} {y} {z}'}
- job-group:
    name: g
    x: gx
    y: gy
    jobs:
      - '{name}-t': {y: ey}
- project:
    name: p
    w: pw
    x: px
    jobs:
      - g: {w: rw, x: rx, z: rz}
`);
    expect(byName['p-t'].v).toBe('rw gx ey rz');
  });
  it('groups do not nest in JJB 4.x: a nested group (even a cycle) is ignored with a warning', () => {
    const { jobs, diagnostics } = expandInline(`
- job-template: {name: t}
- job-group: {name: g1, jobs: [g2, t]}
- job-group: {name: g2, jobs: [g1]}
- project: {name: p, jobs: [g1, g2]}
`);
    expect(jobs.map((j) => j.name)).toEqual(['t']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['jjb-group-nested', 'warning'],
      ['jjb-group-nested', 'warning'],
    ]);
  });
});

describe('errors become diagnostics; the batch goes on', () => {
  it('missing parameter: JJB first line, file:line of the template', () => {
    const { jobs, diagnostics } = expandInline(`
- job-template:
    name: '{name}-t'
    shell: |
      echo {missing}
      more
- job-template: {name: ok}
- project: {name: p, jobs: ['{name}-t', ok]}
`);
    expect(jobs.map((j) => j.name)).toEqual(['ok']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'jjb-missing-parameter', severity: 'error', file: 'jjb/a.yaml', line: 2 });
    expect(diagnostics[0].message).toContain('missing parameter missing to format echo {missing}');
  });
  it('unknown template referenced by a project', () => {
    const { jobs, diagnostics } = expandInline(`
- project: {name: p, jobs: [nope, t]}
- job-template: {name: t}
`);
    expect(jobs.map((j) => j.name)).toEqual(['t']);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['jjb-unknown-template', 2]]);
    expect(diagnostics[0].message).toContain("Failed to find suitable template named 'nope'");
  });
  it('duplicate generated job names: error, last definition kept', () => {
    const { jobs, diagnostics } = expandInline(`
- job-template: {name: '{name}-t', v: '{name}'}
- project: {name: p, jobs: ['{name}-t']}
- job: {name: p-t, v: plain}
`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].job.v).toBe('p');
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-duplicate-job']);
    expect(diagnostics[0].message).toContain("Duplicate definitions for job 'p-t' specified");
  });
  it('with allow_duplicates it is a warning', () => {
    const { diagnostics } = expandInline(
      `
- job: {name: j}
- job-template: {name: j}
- project: {name: p, jobs: [x]}
- job-template: {name: x, id: x}
`,
      { allowDuplicates: true },
    );
    expect(diagnostics.map((d) => d.severity)).not.toContain('error');
  });
  it('lone brace: Python ValueError text', () => {
    const { diagnostics } = expandInline(`
- job-template: {name: t, shell: 'a } b'}
- project: {name: p, jobs: [t]}
`);
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-format-error']);
    expect(diagnostics[0].message).toContain("Single '}' encountered in format string");
  });
  it('allow_empty_variables applies to template formatting, never to the self-format pass', () => {
    const { byName, diagnostics } = expandInline(
      `
- job-template: {name: t, shell: 'a{missing}b'}
- project: {name: p, jobs: [t]}
`,
      { allowEmptyVariables: true },
    );
    expect(diagnostics).toEqual([]);
    expect(byName.t.shell).toBe('ab');
    const self = expandInline(
      `
- job-template: {name: t}
- project: {name: p, v: '{missing}', jobs: [t]}
`,
      { allowEmptyVariables: true },
    );
    expect(self.diagnostics.map((d) => d.code)).toEqual(['jjb-missing-parameter']);
  });
});

describe('includes at format time (§11)', () => {
  it('a lazy include path is formatted with the context and its text is not formatted', () => {
    const loaded = loadInline({
      'a.yaml': "- job-template: {name: '{name}-t', shell: !include-raw: '{name}.sh'}\n- project: {name: p, jobs: ['{name}-t']}\n",
      'p.sh': 'echo {not_a_var} ${{X}}\n',
    });
    const r = expandJobs(loaded);
    expect(r.diagnostics).toEqual([]);
    expect(r.jobs[0].job.shell).toBe('echo {not_a_var} ${{X}}\n');
  });
  it('an eager include-raw in a template is formatted like any text', () => {
    const loaded = loadInline({
      'a.yaml': "- job-template: {name: '{name}-t', shell: !include-raw: s.sh}\n- project: {name: p, jobs: ['{name}-t']}\n",
      's.sh': 'echo {name} ${{X}}',
    });
    expect(expandJobs(loaded).jobs[0].job.shell).toBe('echo p ${X}');
  });
});
