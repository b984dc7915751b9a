/**
 * JJB 4.x `deep_format` and its `CustomFormatter` (jenkins_jobs/formatter.py), jjb-expansion.md §9:
 * one `str.format` pass over every string (and dict key) of a value, where
 *  - a string that is exactly one placeholder (`{x}`, `{obj:x}`, `{x|d}`, `{{{x}}}`, optional final
 *    newline) returns the value itself, typed;
 *  - `{x|default}` / `{obj:x|default}` (\w+ names only) use the default when x is undefined;
 *  - embedded values print as Python `str()`;
 *  - `!j2:`/`!include-jinja2:` render with the context, `!j2-yaml:` renders, parses, then formats again;
 *  - lazy includes (`{...}` in the path) resolve with the context and are not formatted.
 * Failures throw FormatError with JJB's first line; the expander turns them into diagnostics.
 */
import { FormatError } from './format-error.js';
import { renderJinja } from './jinja.js';
import { pyVformat, strictLookup } from './pyformat.js';
import type { Diagnostic } from '../diagnostics.js';
import { JinjaTemplate, LazyInclude, type LoadedJjb, type YamlMap, type YamlValue } from './types.js';
import { deepCopy } from './values.js';

export { FormatError } from './format-error.js';

/** What formatting needs besides the parameters. */
export interface FormatOptions {
  /** JJB `allow_empty_variables`: undefined keys become '' (never in the self-format pass) */
  allowEmpty?: boolean;
  /** resolves a lazy include once its paths are formatted; without it a lazy include stays as is */
  resolveLazy?: (inc: LazyInclude, paths: string[]) => YamlValue;
}

const W = '[\\p{L}\\p{N}_]';
const EXPR = `(?<!\\{)\\{(?:\\{\\{)*(?:obj:)?(?<key>${W}+)(?:\\|(?<default>[^}]*))?\\}(?:\\}\\})*(?!\\})`;
const WHOLE_RE = new RegExp(`^(?:${EXPR})\\n?$`, 'u');
const FIELD_RE = new RegExp(EXPR, 'gu');

interface Placeholders {
  /** the key when the whole string is one placeholder */
  whole: string | undefined;
  /** some placeholder has a `|default` */
  defaults: boolean;
}

/** What the regexes find in a string, cached per string (the same template strings recur per job). */
const placeholderCache = new Map<string, Placeholders>();

function placeholders(s: string): Placeholders {
  let p = placeholderCache.get(s);
  if (p === undefined) {
    let defaults = false;
    for (const m of s.matchAll(FIELD_RE)) if (m.groups!.default !== undefined) defaults = true;
    p = { whole: WHOLE_RE.exec(s)?.groups!.key, defaults };
    placeholderCache.set(s, p);
  }
  return p;
}

/** CustomFormatter(allow_empty).format(s, **params) */
export function formatString(s: string, params: YamlMap, allowEmpty = false): YamlValue {
  if (!s.includes('{') && !s.includes('}')) return s;
  const { whole, defaults } = placeholders(s);
  // the object itself, as a copy: JJB's contexts are per-job deep copies, so jobs never share it
  if (whole !== undefined && Object.hasOwn(params, whole)) return deepCopy(params[whole]);
  const pre = !defaults
    ? s
    : s.replace(FIELD_RE, (m0: string, ...rest: unknown[]) => {
        const groups = rest[rest.length - 1] as { key: string; default?: string };
        if (groups.default === undefined) return m0;
        return Object.hasOwn(params, groups.key) ? `{${groups.key}}` : groups.default;
      });
  try {
    return pyVformat(pre, strictLookup(params, allowEmpty));
  } catch (err) {
    if (err instanceof FormatError && err.missingKey !== undefined) {
      throw new FormatError(`${err.missingKey} parameter missing to format ${s}`, err.missingKey);
    }
    throw err;
  }
}

function isPlainMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** Key text of a formatted dict key (a whole-string placeholder may yield a non-string). */
function keyText(k: YamlValue): string {
  return typeof k === 'string' ? k : JSON.stringify(k);
}

/** JJB `deep_format(obj, params, allow_empty)`: a new value; the input is not modified. */
export function deepFormat(obj: YamlValue, params: YamlMap, opts: FormatOptions = {}): YamlValue {
  const allowEmpty = opts.allowEmpty ?? false;
  let ret: YamlValue;
  if (typeof obj === 'string') ret = formatString(obj, params, allowEmpty);
  else if (Array.isArray(obj)) {
    const out: YamlValue[] = new Array<YamlValue>(obj.length);
    for (let i = 0; i < obj.length; i++) out[i] = deepFormat(obj[i], params, opts);
    ret = out;
  } else if (isPlainMap(obj)) {
    const out: YamlMap = {};
    for (const k of Object.keys(obj)) {
      const key = k.includes('{') || k.includes('}') ? keyText(formatString(k, params, allowEmpty)) : k;
      const v = obj[k];
      out[key] = typeof v === 'string' ? formatString(v, params, allowEmpty) : deepFormat(v, params, opts);
    }
    ret = out;
  } else if (obj instanceof JinjaTemplate) {
    const rendered = renderJinja(obj, params);
    ret = obj.tag === 'j2-yaml' ? deepFormat(rendered, params, opts) : rendered;
  } else if (obj instanceof LazyInclude) {
    if (!opts.resolveLazy) return obj;
    let paths: string[];
    try {
      paths = obj.paths.map((p) => pyVformat(p, strictLookup(params, false)));
    } catch (err) {
      if (err instanceof FormatError && err.missingKey !== undefined) {
        throw new FormatError(`${err.missingKey} parameter missing to format !${obj.tag}: ${obj.paths.join(', ')}`, err.missingKey);
      }
      throw err;
    }
    ret = opts.resolveLazy(obj, paths);
    if (ret instanceof JinjaTemplate) ret = renderJinja(ret, params);
  } else ret = obj;
  if (ret instanceof JinjaTemplate || ret instanceof LazyInclude) return deepFormat(ret, params, opts);
  return ret;
}

/** Resolves lazy includes through the loader, collecting its diagnostics. */
export function lazyResolver(loaded: LoadedJjb, diagnostics: Diagnostic[]): NonNullable<FormatOptions['resolveLazy']> {
  return (inc, paths) => {
    const r = loaded.resolveInclude(paths, inc.tag, inc.fromFile, inc.source, inc.paths);
    diagnostics.push(...r.diagnostics);
    return r.value;
  };
}
