/**
 * Variable context, axes, exclude and job-groups of JJB 4.x (jjb-expansion.md §5-§8), one small case
 * each. Expected values follow the documented JJB behaviour, not this implementation's output.
 */
import { describe, expect, it } from 'vitest';
import { expandInline, MANAGED } from './helpers.js';

const names = (yaml: string): string[] => expandInline(yaml).jobs.map((j) => j.name);

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
