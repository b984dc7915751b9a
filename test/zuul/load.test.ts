/** The layout YAML is read as PyYAML safe_load reads it (YAML 1.1 scalars, merge keys, duplicate keys). */
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/zuul/load.js';

function load(text: string): unknown {
  const r = readYaml(text, 'x.yaml');
  if (!r.ok) throw new Error(r.error.message);
  return r.value.data;
}

describe('readYaml (PyYAML safe_load structure)', () => {
  it('YAML 1.1 booleans, ints and floats', () => {
    expect(load('a: yes\nb: Off\nc: "yes"\nd: true\ne: y\n')).toEqual({ a: true, b: false, c: 'yes', d: true, e: 'y' });
    expect(load('a: 1_000\nb: 0755\nc: 0x1F\nd: 1:30\ne: 0b101\nf: -12\ng: 0\n')).toEqual({ a: 1000, b: 493, c: 31, d: 90, e: 5, f: -12, g: 0 });
    expect(load('a: 1e3\nb: 1.5\nc: 1.0e+3\nd: .inf\n')).toEqual({ a: '1e3', b: 1.5, c: 1000, d: Infinity });
  });
  it('merge keys written `- !!merge : *anchor`, overridden by later keys; aliases', () => {
    const data = load('- &p {name: a, x: 1}\n- !!merge : *p\n  name: b\n- *p\n');
    expect(data).toEqual([{ name: 'a', x: 1 }, { name: 'b', x: 1 }, { name: 'a', x: 1 }]);
  });
  it('a duplicate key keeps the last value, as PyYAML does', () => {
    expect(load('a: 1\na: 2\n')).toEqual({ a: 2 });
  });
  it('gives the 1-based start line of mappings and sequences', () => {
    const r = readYaml('top:\n  - name: a\n  - name: b\n    list: [x]\n', 'x.yaml');
    if (!r.ok) throw new Error('parse');
    const top = (r.value.data as { top: { list?: unknown }[] }).top;
    expect(r.value.lineOf(top[0])).toBe(2);
    expect(r.value.lineOf(top[1])).toBe(3);
    expect(r.value.lineOf(top[1]!.list)).toBe(4);
    expect(r.value.findLine(3, 'list:')).toBe(4);
  });
  it('a syntax error is a value with a line', () => {
    expect(readYaml('a: [1\nb: 2\n', 'x.yaml')).toMatchObject({ ok: false, error: { line: expect.any(Number) } });
  });
});
