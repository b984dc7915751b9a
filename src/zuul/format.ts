/**
 * Zuul's `deep_format(obj, params)`: Python `str.format(**params)` on every string of a template, dict keys
 * included. Only named fields are supported, as Zuul passes keyword arguments only; `{{`/`}}` are literal braces.
 * A missing parameter, a positional field or a lone brace makes Python raise: reported, and the text is kept.
 */
import { isDict, pyStr } from './values.js';

export type FormatResult = { ok: true; value: string } | { ok: false; error: string };

export function pyFormat(s: string, params: Record<string, unknown>): FormatResult {
  if (!s.includes('{') && !s.includes('}')) return { ok: true, value: s };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' && s[i + 1] === '{') (out += '{'), i++;
    else if (c === '}' && s[i + 1] === '}') (out += '}'), i++;
    else if (c === '}') return { ok: false, error: `Single '}' encountered in format string: ${s}` };
    else if (c === '{') {
      const end = s.indexOf('}', i);
      if (end < 0) return { ok: false, error: `Single '{' encountered in format string: ${s}` };
      const field = s.slice(i + 1, end);
      const m = /^([A-Za-z_][\w-]*)(?:![rsa])?(?::(.*))?$/.exec(field);
      if (!m) return { ok: false, error: `unsupported or positional field {${field}} in: ${s}` };
      if (m[2]) return { ok: false, error: `format spec not supported: {${field}}` };
      if (!Object.hasOwn(params, m[1]!)) return { ok: false, error: `missing parameter '${m[1]}' in: ${s}` };
      out += pyStr(params[m[1]!]);
      i = end;
    } else out += c;
  }
  return { ok: true, value: out };
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
