/**
 * JJB 4.x deep_format / CustomFormatter rules (jjb-expansion.md §9 table, checked there against
 * JJB 4.3.0) and Python printing of embedded values.
 */
import { describe, expect, it } from 'vitest';
import { deepFormat, FormatError, formatString } from '../../src/jjb/format.js';
import { pyFloatRepr, pyRepr, pyStr } from '../../src/jjb/pyrepr.js';
import { PyDate, PyFloat, type YamlMap } from '../../src/jjb/types.js';

const P: YamlMap = {
  x: 'X',
  l: ['a', 'b'],
  n: 3,
  b: true,
  f: 1.1,
  none: null,
  d: { k: 'v' },
  'packages-source': 'vendor',
};

function err(s: string, params: YamlMap = P): string {
  try {
    formatString(s, params);
  } catch (e) {
    if (e instanceof FormatError) return e.message;
    throw e;
  }
  throw new Error(`no error for ${s}`);
}

describe('formatString: §9 table', () => {
  it('a whole-string placeholder returns the object itself', () => {
    expect(formatString('{l}', P)).toEqual(P.l);
    expect(formatString('{obj:l}', P)).toEqual(P.l);
    expect(formatString('{obj:l|q}', P)).toEqual(P.l);
    expect(formatString('{n}', P)).toBe(3);
    expect(formatString('{none}', P)).toBeNull();
  });
  it('embedded values print as Python str()', () => {
    expect(formatString('a {l}', P)).toBe("a ['a', 'b']");
    expect(formatString('a {b} {none} {f} {n}', P)).toBe('a True None 1.1 3');
    expect(formatString('a {d}', P)).toBe("a OrderedDict([('k', 'v')])");
  });
  it('defaults apply to undefined \\w+ keys only', () => {
    expect(formatString('{missing|dflt}', P)).toBe('dflt');
    expect(formatString('a {missing|}', P)).toBe('a ');
    expect(formatString('x {obj:l|q}', P)).toBe("x ['a', 'b']");
    expect(formatString('{packages-source}', P)).toBe('vendor');
    expect(err('{packages-source|z}')).toBe('packages-source|z parameter missing to format {packages-source|z}');
  });
  it('embedded obj: without default reads field obj with a format spec', () => {
    expect(err('a {obj:l}')).toBe('obj parameter missing to format a {obj:l}');
  });
  it('doubled braces, trailing newline and triple braces', () => {
    expect(formatString('{{x}}', P)).toBe('{x}');
    expect(formatString('{x}\n', P)).toBe('X');
    expect(formatString('{{{x}}}', P)).toBe('X');
    expect(formatString('{{{x|d}}}', P)).toBe('X');
    expect(formatString('a {{{x}}}', P)).toBe('a {X}');
  });
  it('full format syntax: conversion, index, spec', () => {
    expect(formatString('{x!r}', P)).toBe("'X'");
    expect(formatString('{l[0]}', P)).toBe('a');
    expect(formatString('{x:>5}', P)).toBe('    X');
    expect(formatString('{n:03d}', P)).toBe('003');
  });
  it('errors mirror Python / JJB first lines', () => {
    expect(err('a {missing}')).toBe('missing parameter missing to format a {missing}');
    expect(err("awk '{ print $1 }'")).toBe(" print $1  parameter missing to format awk '{ print $1 }'");
    expect(err('a } b')).toBe("Single '}' encountered in format string");
    expect(err('a { b')).toBe("expected '}' before end of string");
  });
  it('allow_empty_variables turns undefined keys into empty strings', () => {
    expect(formatString('a {missing} b', P, true)).toBe('a  b');
  });
  it('substituted text is never re-formatted; defaults are pasted before formatting', () => {
    expect(formatString('{x} {y}', { x: '{y}', y: 'Y' })).toBe('{y} Y');
    expect(formatString('{{{{index .RepoDigests 0}}}}', {})).toBe('{{index .RepoDigests 0}}');
  });
});

describe('deepFormat', () => {
  it('formats strings in lists and dict keys and values, returns new containers', () => {
    const obj: YamlMap = { '{x}-key': ['{x}', 1, { k: '{n}' }] };
    const out = deepFormat(obj, P);
    expect(out).toEqual({ 'X-key': ['X', 1, { k: 3 }] });
    expect(obj['{x}-key']).toEqual(['{x}', 1, { k: '{n}' }]);
  });
  it('keeps the type of a whole-string placeholder with a default (obj:x|20)', () => {
    expect(deepFormat({ timeout: '{obj:build_timeout|20}' }, { build_timeout: 30 })).toEqual({ timeout: 30 });
    expect(deepFormat({ timeout: '{obj:build_timeout|20}' }, {})).toEqual({ timeout: '20' });
  });
});

describe('Python printing', () => {
  it('floats in shortest repr with Python exponent rules', () => {
    expect(pyFloatRepr(3)).toBe('3.0');
    expect(pyFloatRepr(1.1)).toBe('1.1');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1e-5)).toBe('1e-05');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(123456789012345.6)).toBe('123456789012345.6');
    expect(pyStr(new PyFloat(2))).toBe('2.0');
  });
  it('string quoting follows repr()', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('say "hi"')).toBe('\'say "hi"\'');
    expect(pyRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(pyRepr('a\nb\\')).toBe("'a\\nb\\\\'");
  });
  it('dates: str is ISO, repr (inside a list) is datetime.date', () => {
    const d = new PyDate('2019-10-29');
    expect(pyStr(d)).toBe('2019-10-29');
    expect(pyStr([d])).toBe('[datetime.date(2019, 10, 29)]');
  });
  it('nested containers', () => {
    expect(pyStr([true, null, { a: [1, 'x'] }, {}])).toBe("[True, None, OrderedDict([('a', [1, 'x'])]), OrderedDict()]");
  });
});
