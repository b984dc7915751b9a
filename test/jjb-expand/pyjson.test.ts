import { describe, expect, it } from 'vitest';
import { toPyJson } from '../../src/jjb/pyjson.js';
import { PyDate, PyFloat } from '../../src/jjb/types.js';

// Expected strings: Python json.dumps(v, ensure_ascii=False, separators=(",", ":")).
describe('toPyJson', () => {
  it('prints plain values like json.dumps', () => {
    expect(toPyJson({ b: [1, 'x', null, true], a: { 'ü': 'é\n"' } })).toBe('{"b":[1,"x",null,true],"a":{"ü":"é\\n\\""}}');
    expect(toPyJson(undefined)).toBe('null');
  });

  it('prints floats deep inside lists and dicts as Python does', () => {
    expect(toPyJson({ a: [{ b: new PyFloat(1) }], c: 2 })).toBe('{"a":[{"b":1.0}],"c":2}');
    expect(toPyJson([new PyFloat(1e-5), new PyFloat(1e16), 0.5])).toBe('[1e-05,1e+16,0.5]');
  });

  it('prints dates as their text', () => {
    expect(toPyJson({ d: [new PyDate('2019-10-29')] })).toBe('{"d":["2019-10-29"]}');
  });
});
