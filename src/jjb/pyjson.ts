/**
 * Python `json.dumps(value, ensure_ascii=False, separators=(",", ":"))` for YAML values, the format
 * of the JJB goldens: like JSON.stringify except that floats print as Python does (`1.0`, `1e-05`,
 * `1e+16`, `NaN`, `Infinity`). Dates (not JSON-serialisable in Python) print as their ISO text.
 */
import { pyFloatRepr } from './pyrepr.js';
import { JinjaTemplate, LazyInclude, PyDate, PyFloat } from './types.js';

function floatJson(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(x);
}

export function toPyJson(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatJson(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) return 'null';
  if (v instanceof PyFloat) return floatJson(v.value);
  if (v instanceof PyDate) return JSON.stringify(v.text);
  if (v instanceof JinjaTemplate) return JSON.stringify(v.text);
  if (v instanceof LazyInclude) return JSON.stringify(v.paths.join('\n'));
  if (Array.isArray(v)) return `[${v.map(toPyJson).join(',')}]`;
  const obj = v as Record<string, unknown>;
  return `{${Object.keys(obj)
    .map((k) => `${JSON.stringify(k)}:${toPyJson(obj[k])}`)
    .join(',')}}`;
}
