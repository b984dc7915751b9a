import { describe, expect, it } from 'vitest';
import type { YamlValue } from '../jjb/types.js';
import { parsePyYaml } from './pyyaml.js';

function load(text: string): YamlValue {
  const r = parsePyYaml(text, 't.yaml');
  expect(r.diagnostics).toEqual([]);
  return r.value;
}
function fails(text: string): { line: number | undefined; message: string } {
  const r = parsePyYaml(text, 't.yaml');
  expect(r.ok).toBe(false);
  expect(r.diagnostics).toHaveLength(1);
  return { line: r.diagnostics[0]!.line, message: r.diagnostics[0]!.message };
}

describe('YAML syntax as PyYAML scans and parses it', () => {
  it('block scalars: literal, folded, chomping and indentation indicators', () => {
    expect(load('a: |\n  x\n   y\n\n  z\n\nb: x\n')).toEqual({ a: 'x\n y\n\nz\n', b: 'x' });
    expect(load('a: >\n  one\n  two\n\n  three\n   indented\n  four\n')).toEqual({ a: 'one two\nthree\n indented\nfour\n' });
    expect(load('a: |-\n  x\n\n')).toEqual({ a: 'x' });
    expect(load('a: |+\n  x\n\n')).toEqual({ a: 'x\n\n' });
    expect(load('a: |2\n    x\n  y\n')).toEqual({ a: '  x\ny\n' });
    expect(load('- |\n  a\n- >-\n  b\n  c\n')).toEqual(['a\n', 'b c']);
  });
  it('plain scalars fold lines; quoted scalars unescape', () => {
    expect(load('a: one\n  two\n\n  three\n')).toEqual({ a: 'one two\nthree' });
    expect(load(`a: "x\\ty\\u00e9\\x41\\\n  z"\nb: 'it''s'\nc: "l1\n\n  l2"\n`)).toEqual({ a: 'x\tyéAz', b: "it's", c: 'l1\nl2' });
    expect(load('a: x:y\nb: http://h/p#f\nc: a #comment\n')).toEqual({ a: 'x:y', b: 'http://h/p#f', c: 'a' });
  });
  it('flow collections, single-pair mappings in a flow sequence, complex keys', () => {
    expect(load('a: [1, [2, 3], {b: c}, d: e, ]\n')).toEqual({ a: [1, [2, 3], { b: 'c' }, { d: 'e' }] });
    expect(load('{a, b: }\n')).toEqual({ a: null, b: null });
    expect(load('? k\n: v\n? e\n')).toEqual({ k: 'v', e: null });
  });
  it('indentless sequences as mapping values', () => {
    expect(load('a:\n- 1\n- 2\nb: 3\n')).toEqual({ a: [1, 2], b: 3 });
  });
  it('tags: verbatim, %TAG handles, tag then anchor on an empty node', () => {
    expect(load('a: !<tag:yaml.org,2002:str> 12\n')).toEqual({ a: '12' });
    expect(load('%TAG !e! tag:yaml.org,2002:\n---\na: !e!int "7"\n')).toEqual({ a: 7 });
    expect(load('a: !!str &x\nb: *x\n')).toEqual({ a: '', b: '' });
  });
  it('the `!!merge` tag of `!!merge : *a` belongs to the empty key', () => {
    expect(load('a: &a {x: 1}\nb:\n  !!merge : *a\n  y: 2\n')).toEqual({ a: { x: 1 }, b: { x: 1, y: 2 } });
  });
  it('explicit documents: one is fine, two are an error', () => {
    expect(load('--- \na: 1\n...\n')).toEqual({ a: 1 });
    expect(fails('a: 1\n---\nb: 2\n')).toEqual({ line: 2, message: 'YAML syntax error: expected a single document in the stream, but found another document' });
  });
  it('a tab cannot start a token (PyYAML forbids tabs in plain scalars)', () => {
    expect(fails('a: b\tc\n')).toEqual({
      line: 1,
      message: "YAML syntax error: while scanning for the next token, found character '\\t' that cannot start any token",
    });
  });
  it('errors carry PyYAML messages and the problem line', () => {
    expect(fails('a:\n  - 1\n  b: 2\n').line).toBe(3);
    expect(fails(': a\n').message).toContain("expected <block end>, but found ':'");
    expect(fails('a: "x\n').message).toContain('found unexpected end of stream');
    expect(fails('a: [1, 2\nb: 3\n').message).toContain('while parsing a flow sequence');
    expect(fails('a: !e!x 1\n').message).toContain("found undefined tag handle '!e!'");
    expect(fails('a: b: c\n').message).toContain('mapping values are not allowed here');
    expect(fails('a: "\\q"\n').message).toContain("found unknown escape character 'q'");
    expect(fails('a: \x07\n').message).toContain('unacceptable character #x0007');
  });
});
