/** Small helpers over YamlValue: type guards, Python-style deep copy and equality. */
import { PyFloat, type YamlMap, type YamlValue } from './types.js';

export function isMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * `copy.deepcopy`: new lists and mappings, shared sub-objects stay shared within one copy (memo);
 * scalars and marker objects (PyFloat, JinjaTemplate...) are immutable and kept.
 */
export function deepCopy<T extends YamlValue>(v: T, memo?: Map<object, YamlValue>): T {
  if (Array.isArray(v) || isMap(v)) return copyContainer(v, memo ?? new Map()) as T;
  return v;
}

function copyContainer(v: YamlValue[] | YamlMap, memo: Map<object, YamlValue>): YamlValue {
  const seen = memo.get(v);
  if (seen) return seen;
  if (Array.isArray(v)) {
    const out: YamlValue[] = new Array<YamlValue>(v.length);
    memo.set(v, out);
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      out[i] = typeof item === 'object' && item !== null ? deepCopy(item, memo) : item;
    }
    return out;
  }
  const out: YamlMap = {};
  memo.set(v, out);
  for (const k of Object.keys(v)) {
    const item = v[k];
    out[k] = typeof item === 'object' && item !== null ? deepCopy(item, memo) : item;
  }
  return out;
}

function numeric(v: YamlValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** Python `==` on YAML values: type-sensitive (`1 != '1'`), but `True == 1 == 1.0`. */
export function pyEquals(a: YamlValue, b: YamlValue): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined || nb !== undefined) return na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]));
  }
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'text' in a && 'text' in b) return a.text === b.text;
  return false;
}
