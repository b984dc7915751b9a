/**
 * Expansion rules of JJB 4.x, one small case each (jjb-expansion.md §2-§8, §14). Expected values
 * follow the documented JJB behaviour, not this implementation's output.
 */
import { describe, expect, it } from 'vitest';
import { expandJobs } from '../../src/jjb/expand.js';
import { expandInline, loadInline, MANAGED } from './helpers.js';

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
