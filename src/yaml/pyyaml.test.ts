import { describe, expect, it } from 'vitest';
import { PyDate, PyFloat, type YamlMap, type YamlValue } from '../jjb/types.js';
import { newAnchorScope, parsePyYaml, sourceOf } from './pyyaml.js';

function load(text: string): YamlValue {
  const r = parsePyYaml(text, 't.yaml');
  expect(r.diagnostics).toEqual([]);
  return r.value;
}
const scalar = (written: string): YamlValue => (load(`v: ${written}\n`) as YamlMap).v!;

describe('YAML 1.1 plain scalars as PyYAML 6.0 resolves them (jjb-expansion.md §1.2)', () => {
  it.each('yes Yes YES true True TRUE on On ON'.split(' '))('%s is True', (w) => expect(scalar(w)).toBe(true));
  it.each('no No NO false False FALSE off Off OFF'.split(' '))('%s is False', (w) => expect(scalar(w)).toBe(false));
  it.each(['y', 'Y', 'n', 'N', 'yEs', 'oN', 'tRUE'])('%s stays a string', (w) => expect(scalar(w)).toBe(w));
  it.each(['~', 'null', 'Null', 'NULL', ''])('%j is None', (w) => expect(scalar(w)).toBeNull());
  it.each(['nULL', 'none', 'None'])('%s is a string', (w) => expect(scalar(w)).toBe(w));
  it.each([
    ['0755', 493],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['+12', 12],
    ['-12', -12],
    ['0', 0],
    ['1:20', 80],
    ['-1:20', -80],
    ['190:20:30', 685230],
  ])('%s is int %d', (w, n) => expect(scalar(w)).toBe(n));
  it.each(['08', '09', '0o755', '1e3', '1.0e3', '1E3', '0x', '12abc', '1:2:3:x', '._9', '._'])('%s is a string', (w) =>
    expect(scalar(w)).toBe(w),
  );
  it('floats need a dot; an integral float is a PyFloat', () => {
    expect(scalar('1.10')).toBe(1.1);
    expect(scalar('3.0')).toEqual(new PyFloat(3));
    expect(scalar('1.0e+3')).toEqual(new PyFloat(1000));
    expect(scalar('1.5e-1')).toBe(0.15);
    expect(scalar('.5')).toBe(0.5);
    expect(scalar('1.')).toEqual(new PyFloat(1));
    expect(scalar('1_0.5')).toBe(10.5);
    expect(scalar('1:20.5')).toBe(80.5);
  });
  it('.inf, -.inf and .nan are floats', () => {
    expect(scalar('.inf')).toBe(Infinity);
    expect(scalar('-.Inf')).toBe(-Infinity);
    expect(scalar('.NaN')).toBeNaN();
  });
  it('dates and datetimes become PyDate with Python str()', () => {
    expect(scalar('2019-10-29')).toEqual(new PyDate('2019-10-29'));
    expect(scalar('2001-12-14t21:59:43.10-05:00')).toEqual(new PyDate('2001-12-14 21:59:43.100000-05:00'));
    expect(scalar('2001-12-14 21:59:43Z')).toEqual(new PyDate('2001-12-14 21:59:43+00:00'));
    expect(scalar('2001-1-2 3:04:05')).toEqual(new PyDate('2001-01-02 03:04:05'));
    expect(scalar('2019-1-29')).toBe('2019-1-29');
  });
  it('quoted and block scalars are always strings', () => {
    expect(load(`a: 'yes'\nb: "0755"\nc: |\n  1.5\nd: >-\n  on\n`)).toEqual({ a: 'yes', b: '0755', c: '1.5\n', d: 'on' });
  });
  it('explicit standard tags', () => {
    expect(load(`a: !!str 12\nb: !!int "0x10"\nc: !!float "2"\nd: !!bool "on"\nf: !!null x\n`)).toEqual({
      a: '12',
      b: 16,
      c: new PyFloat(2),
      d: true,
      f: null,
    });
  });
  it('the non-specific tag `!` resolves implicitly even when quoted (PyYAML parser: implicit=(True, False))', () => {
    expect(load(`a: ! 12\nb: ! '12'\nc: ! [1]\n`)).toEqual({ a: 12, b: 12, c: [1] });
  });
  it('`=` and `<<` as plain values cannot be constructed (PyYAML ConstructorError)', () => {
    const r = parsePyYaml('a: =\nb: <<\n', 't.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['yaml-unknown-tag', 1],
      ['yaml-unknown-tag', 2],
    ]);
  });
});

describe('mappings', () => {
  it('keep insertion order; a duplicate key keeps first position and last value', () => {
    const v = load('b: 1\na: 2\nb: 3\n');
    expect(Object.keys(v as object)).toEqual(['b', 'a']);
    expect(v).toEqual({ b: 3, a: 2 });
  });
  it('integer-like keys: JavaScript lists them first, so a differing order is reported', () => {
    const r = parsePyYaml('b: 1\n10: 2\n2: 3\n', 't.yaml');
    expect(Object.keys(r.value as object)).toEqual(['2', '10', 'b']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['yaml-key-order', 'warning', 1]]);
    expect(parsePyYaml('1: a\n2: b\nc: d\n', 't.yaml').diagnostics).toEqual([]);
  });
  it('non-string keys become their Python str()', () => {
    expect(Object.keys(load('yes: 1\n~: 2\n1.5: 3\n') as object)).toEqual(['True', 'None', '1.5']);
  });
  it('`__proto__` is an ordinary key', () => {
    const v = load('__proto__: x\n') as YamlMap;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v['__proto__']).toBe('x');
  });
});

describe('merge keys (jjb-expansion.md §1.3)', () => {
  it('JJB form `!!merge :` on an empty key, own keys override wherever the merge key sits', () => {
    const v = load(`- &a {k: 1, j: 2}\n- k: 3\n  !!merge : *a\n  n: 4\n- x: 0\n  y:\n    !!merge : *a\n    k: 5\n`) as YamlMap[];
    expect(v[1]).toEqual({ k: 3, j: 2, n: 4 });
    expect(Object.keys(v[1]!)).toEqual(['k', 'j', 'n']);
    expect(v[2]!.y).toEqual({ k: 5, j: 2 });
    expect(Object.keys(v[2]!.y as object)).toEqual(['k', 'j']);
  });
  it('layout form `- !!merge : *x` and the `<<` spelling', () => {
    const v = load(`- &t {a: 1, b: 2}\n- !!merge : *t\n  c: 3\n- <<: *t\n  b: 9\n`) as YamlMap[];
    expect(v[1]).toEqual({ a: 1, b: 2, c: 3 });
    expect(v[2]).toEqual({ a: 1, b: 9 });
  });
  it('a quoted "<<" is an ordinary key', () => {
    expect(load(`a: &a {x: 1}\nb: {'<<': *a}\n`)).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
  });
  it('in `!!merge : [*a, *b]` the earlier mapping wins; keys of the later come first', () => {
    const v = load(`- &a {x: 1, y: 2}\n- &b {y: 3, z: 4}\n- !!merge : [*a, *b]\n  w: 5\n`) as YamlMap[];
    expect(v[2]).toEqual({ x: 1, y: 2, z: 4, w: 5 });
    expect(Object.keys(v[2]!)).toEqual(['y', 'z', 'x', 'w']);
  });
  it('nested merges flatten recursively', () => {
    const v = load(`- &a {x: 1}\n- &b {<<: *a, y: 2}\n- {<<: *b, z: 3}\n`) as YamlMap[];
    expect(v[2]).toEqual({ x: 1, y: 2, z: 3 });
    expect(Object.keys(v[2]!)).toEqual(['x', 'y', 'z']);
  });
  it('merged values are the same objects as the anchor values (no copy)', () => {
    const v = load(`- job-template: &a\n    triggers: [zuul]\n    p: {q: 1}\n- job-template:\n    !!merge : *a\n    name: b\n`) as YamlMap[];
    const a = v[0]!['job-template'] as YamlMap;
    const b = v[1]!['job-template'] as YamlMap;
    expect(b.triggers).toBe(a.triggers);
    expect(b.p).toBe(a.p);
    expect(b).not.toBe(a);
  });
  it('identity holds through a merge inside an anchored mapping', () => {
    const v = load('- &a {<<: {x: [1]}, y: [2]}\n- {<<: *a}\n- *a\n') as YamlMap[];
    expect(v[1]!.x).toBe(v[0]!.x);
    expect(v[1]!.y).toBe(v[0]!.y);
    expect(v[2]).toBe(v[0]);
  });
  it('merging a scalar is an error', () => {
    const r = parsePyYaml('a: &a 1\nb: {<<: *a}\n', 't.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-bad-merge', 2]]);
  });
});

describe('anchors and aliases (jjb-expansion.md §1.4)', () => {
  it('an alias is the same object as its anchor', () => {
    const v = load('a: &x [1, {b: 2}]\nc: *x\nd: *x\n') as YamlMap;
    expect(v.c).toBe(v.a);
    expect(v.d).toBe(v.a);
  });
  it('an undefined alias fails the document', () => {
    const r = parsePyYaml('a: 1\nb: *nope\n', 't.yaml');
    expect(r.ok).toBe(false);
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-undefined-alias', 2]]);
  });
  it('a duplicate anchor fails the document (PyYAML composer)', () => {
    const r = parsePyYaml('a: &x 1\nb: &x 2\n', 't.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.code).toBe('yaml-duplicate-anchor');
  });
  it('anchors are per document unless a scope is shared', () => {
    expect(parsePyYaml('b: *x\n', 'two.yaml').ok).toBe(false);
    const scope = newAnchorScope();
    const one = parsePyYaml('a: &x [1]\n', 'one.yaml', { anchors: scope }).value as YamlMap;
    const two = parsePyYaml('b: *x\n', 'two.yaml', { anchors: scope }).value as YamlMap;
    expect(two.b).toBe(one.a);
  });
  it('an alias used before its anchor inside a merge still binds in document order', () => {
    expect(load('a: &x 1\nb: {<<: {c: *x}}\n')).toEqual({ a: 1, b: { c: 1 } });
  });
  it('many aliases of a large anchor cost nothing (no copies)', () => {
    const lines = ['a: &a [' + Array.from({ length: 200 }, (_, i) => i).join(', ') + ']'];
    lines.push('b: [' + Array.from({ length: 2000 }, () => '*a').join(', ') + ']');
    const v = load(lines.join('\n') + '\n') as YamlMap;
    expect((v.b as YamlValue[]).every((x) => x === v.a)).toBe(true);
  });
});

describe('positions and errors', () => {
  it('records the line of each mapping and sequence', () => {
    const v = load('# c\n- job:\n    name: a\n\n- job-template:\n    name: b\n    l:\n      - 1\n') as YamlMap[];
    expect(sourceOf(v[0])).toEqual({ file: 't.yaml', line: 2 });
    expect(sourceOf(v[1])).toEqual({ file: 't.yaml', line: 5 });
    expect(sourceOf(v[1]!['job-template'])).toEqual({ file: 't.yaml', line: 6 });
    expect(sourceOf((v[1]!['job-template'] as YamlMap).l)).toEqual({ file: 't.yaml', line: 8 });
  });
  it('a syntax error is a diagnostic with its line, not a throw', () => {
    const r = parsePyYaml('- a: 1\n- b: [1, 2\n- c: 3\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'bad.yaml' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });
  it('an unknown custom tag without a handler is an error, as in safe_load', () => {
    const r = parsePyYaml('a: !foo x\n', 't.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-unknown-tag', 1]]);
  });
  it('a custom tag handler sees the tag, kind, text and line', () => {
    const seen: string[] = [];
    const r = parsePyYaml('a: !x: foo\nb: !y: [p, q]\n', 't.yaml', {
      tags: (n, ctx) => {
        seen.push(`${n.tag} ${n.kind} ${n.text ?? n.items?.map((i) => i.text).join('+')} ${ctx.line}`);
        return n.construct();
      },
    });
    expect(seen).toEqual(['!x: scalar foo 1', '!y: seq p+q 2']);
    expect(r.value).toEqual({ a: 'foo', b: ['p', 'q'] });
  });
  it('an empty document is None', () => {
    expect(load('# nothing\n')).toBeNull();
  });
});
