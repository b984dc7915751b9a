/** Small helpers over YamlValue: type guards, Python-style deep copy and equality. */
import { PyFloat, type YamlMap, type YamlValue } from './types.js';

export function isMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * `copy.deepcopy`: new lists and mappings, shared sub-objects stay shared within one copy (memo);
 * scalars and marker objects (PyFloat, JinjaTemplate...) are immutable and kept.
 */
export function deepCopy<T extends YamlValue>(v: T, memo: Map<object, YamlValue> = new Map()): T {
  if (Array.isArray(v)) {
    const seen = memo.get(v);
    if (seen) return seen as T;
    const out: YamlValue[] = [];
    memo.set(v, out);
    for (const item of v) out.push(deepCopy(item, memo));
    return out as T;
  }
  if (isMap(v)) {
    const seen = memo.get(v);
    if (seen) return seen as T;
    const out: YamlMap = {};
    memo.set(v, out);
    for (const k of Object.keys(v)) out[k] = deepCopy(v[k], memo);
    return out as T;
  }
  return v;
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
