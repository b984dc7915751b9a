/**
 * Python `json.dumps(value, ensure_ascii=False, separators=(",", ":"))` for YAML values, the format
 * of the JJB goldens: like JSON.stringify except that floats print as Python does (`1.0`, `1e-05`,
 * `1e+16`, `NaN`, `Infinity`). Dates (not JSON-serialisable in Python) print as their ISO text.
 * Uses the native JSON.stringify with a replacer; floats travel as marked strings and are unquoted after.
 */
import { pyFloatRepr } from './pyrepr.js';
import { JinjaTemplate, LazyInclude, PyDate, PyFloat } from './types.js';

const MARK = '\u0001\u0002pyfloat:';
const MARK_JSON = JSON.stringify(MARK).slice(1, -1);
const UNMARK = new RegExp(`"${MARK_JSON.replace(/\\/gu, '\\\\')}([^"]*)"`, 'gu');

function floatJson(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(x);
}

function replacer(this: unknown, _key: string, v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : MARK + floatJson(v);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  if (v instanceof PyFloat) return MARK + floatJson(v.value);
  if (v instanceof PyDate) return v.text;
  if (v instanceof JinjaTemplate) return v.text;
  if (v instanceof LazyInclude) return v.paths.join('\n');
  return v;
}

/** True if `v` holds a float or a marker object, i.e. needs the replacer (most job dicts do not). */
function needsReplacer(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isInteger(v);
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (const item of v) if (needsReplacer(item)) return true;
    return false;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return true;
  const map = v as Record<string, unknown>;
  for (const k in map) if (needsReplacer(map[k])) return true;
  return false;
}

export function toPyJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (!needsReplacer(v)) return JSON.stringify(v);
  const text = JSON.stringify(v, replacer);
  return text.includes(MARK_JSON) ? text.replace(UNMARK, '$1') : text;
}
