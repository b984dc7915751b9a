import { describe, expect, it } from 'vitest';
import { deepFormat, pyFormat } from '../../src/zuul/format.js';

// Expected values are what CPython's str.format gives for the same input.
describe('Zuul template formatting (Python str.format(**params))', () => {
  it('formats named fields, keeps doubled braces literal, and supports format specs', () => {
    expect(pyFormat('{name}-lint', { name: 'foo' })).toEqual({ ok: true, value: 'foo-lint' });
    expect(pyFormat('x{{y}}', { name: 'foo' })).toEqual({ ok: true, value: 'x{y}' });
    expect(pyFormat('[{name:>5}]', { name: 'foo' })).toEqual({ ok: true, value: '[  foo]' });
  });
  it('a missing key (KeyError) and a lone brace (ValueError) are errors, not exceptions', () => {
    expect(pyFormat('{name}-{env}', { name: 'foo' })).toEqual({ ok: false, error: "missing parameter 'env' in: {name}-{env}" });
    const lone = pyFormat('a}b', {});
    expect(lone.ok).toBe(false);
    expect(!lone.ok && lone.error).toMatch(/Single '}' encountered in format string/);
  });
  it('deepFormat formats dict keys and list items and collects errors', () => {
    const errors: string[] = [];
    expect(deepFormat({ '{name}-parent': ['{name}-child', '{nope}'] }, { name: 'foo' }, errors)).toEqual({
      'foo-parent': ['foo-child', '{nope}'],
    });
    expect(errors).toEqual(["missing parameter 'nope' in: {nope}"]);
  });
});
