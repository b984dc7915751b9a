/**
 * Zuul's `deep_format(obj, params)`: Python `str.format(**params)` on every string of a template, dict keys
 * included. The formatting itself is the CPython port the JJB stage uses (src/jjb/pyformat.ts), without JJB's
 * `{x|default}`/`{obj:x}` extensions, which Zuul does not have. A missing parameter or a lone brace makes Python
 * raise: reported, and the text is kept.
 */
import { FormatError } from '../jjb/format-error.js';
import { pyVformat, strictLookup } from '../jjb/pyformat.js';
import type { YamlMap } from '../jjb/types.js';
import { isDict } from './values.js';

export type FormatResult = { ok: true; value: string } | { ok: false; error: string };

export function pyFormat(s: string, params: Record<string, unknown>): FormatResult {
  try {
    return { ok: true, value: pyVformat(s, strictLookup(params as YamlMap, false)) };
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    const what = err.missingKey !== undefined ? `missing parameter '${err.missingKey}'` : err.message;
    return { ok: false, error: `${what} in: ${s}` };
  }
}

/** Formats every string inside `obj` (lists and dicts recursively, dict keys too). Errors are collected. */
export function deepFormat(obj: unknown, params: Record<string, unknown>, errors: string[]): unknown {
  if (typeof obj === 'string') {
    const r = pyFormat(obj, params);
    if (r.ok) return r.value;
    errors.push(r.error);
    return obj;
  }
  if (Array.isArray(obj)) return obj.map((x) => deepFormat(x, params, errors));
  if (isDict(obj)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[deepFormat(k, params, errors) as string] = deepFormat(v, params, errors);
    return out;
  }
  return obj;
}
