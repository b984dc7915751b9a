/**
 * Python's `string.Formatter().vformat(s, (), kwargs)`: the `{field!conv:spec}` parser of CPython's
 * `_string.formatter_parser`, field lookup (`a.b`, `a[0]`, `a[key]`), conversions and format specs.
 * Keyword arguments only (JJB never passes positional ones). Errors carry Python's message.
 */
import { FormatError } from './format-error.js';
import { pyFormatValue } from './formatspec.js';
import { pyRepr, pyStr, pyTypeName } from './pyrepr.js';
import type { YamlMap, YamlValue } from './types.js';

interface Field {
  name: string;
  conversion: string | undefined;
  spec: string;
}

type Part = string | Field;

/**
 * `parse`, cached per string: expansion formats the same template strings once per job. Results are
 * never modified; a string that fails to parse is cached as its error message (thrown again each time).
 */
function cachedParser<T>(parse: (s: string) => T): (s: string) => T {
  const cache = new Map<string, { ok: T } | { error: string }>();
  return (s) => {
    let r = cache.get(s);
    if (r === undefined) {
      try {
        r = { ok: parse(s) };
      } catch (err) {
        if (!(err instanceof FormatError) || err.missingKey !== undefined) throw err;
        r = { error: err.message };
      }
      cache.set(s, r);
    }
    if ('error' in r) throw new FormatError(r.error);
    return r.ok;
  };
}

const parsedFormat = cachedParser(parseFormatString);

/** Splits a format string like CPython's MarkupIterator (literal text and fields). */
export function parseFormatString(s: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  let i = 0;
  const n = s.length;
  const brace = /[{}]/gu;
  while (i < n) {
    brace.lastIndex = i;
    const m = brace.exec(s);
    if (!m) {
      lit += s.slice(i);
      break;
    }
    const at = m.index;
    const c = s[at];
    lit += s.slice(i, at);
    i = at + 1;
    if (i < n && s[i] === c) {
      lit += c;
      i++;
      continue;
    }
    if (c === '}') throw new FormatError("Single '}' encountered in format string");
    if (i >= n) throw new FormatError("Single '{' encountered in format string");
    if (lit) parts.push(lit);
    lit = '';
    const [field, next] = parseField(s, i);
    parts.push(field);
    i = next;
  }
  if (lit) parts.push(lit);
  return parts;
}

function parseField(s: string, start: number): [Field, number] {
  const n = s.length;
  let i = start;
  let c = '';
  for (;;) {
    if (i >= n) throw new FormatError("expected '}' before end of string");
    c = s[i++];
    if (c === '{') throw new FormatError("unexpected '{' in field name");
    if (c === '[') {
      while (i < n && s[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const name = s.slice(start, i - 1);
  if (c === '}') return [{ name, conversion: undefined, spec: '' }, i];
  let conversion: string | undefined;
  if (c === '!') {
    if (i >= n) throw new FormatError('end of string while looking for conversion specifier');
    conversion = s[i++];
    if (i < n) {
      const d = s[i++];
      if (d === '}') return [{ name, conversion, spec: '' }, i];
      if (d !== ':') throw new FormatError("expected ':' after conversion specifier");
    }
  }
  const specStart = i;
  let depth = 1;
  while (i < n) {
    const d = s[i++];
    if (d === '{') depth++;
    else if (d === '}' && --depth === 0) return [{ name, conversion, spec: s.slice(specStart, i - 1) }, i];
  }
  throw new FormatError("unmatched '{' in format spec");
}

/** `_string.formatter_field_name_split`: first key, then attribute/index steps. */
function splitFieldName(name: string): { first: string; rest: Array<{ attr: boolean; key: string | number }> } {
  const m = /^[^.[]*/u.exec(name)!;
  const first = m[0];
  const rest: Array<{ attr: boolean; key: string | number }> = [];
  let i = first.length;
  while (i < name.length) {
    const c = name[i++];
    if (c === '.') {
      const end = name.slice(i).search(/[.[]/u);
      const key = end < 0 ? name.slice(i) : name.slice(i, i + end);
      if (!key) throw new FormatError('Empty attribute in format string');
      rest.push({ attr: true, key });
      i += key.length;
    } else if (c === '[') {
      const close = name.indexOf(']', i);
      if (close < 0) throw new FormatError("Missing ']' in format string");
      const key = name.slice(i, close);
      if (!key) throw new FormatError('Empty attribute in format string');
      rest.push({ attr: false, key: /^\d+$/u.test(key) ? Number(key) : key });
      i = close + 1;
      if (i < name.length && name[i] !== '.' && name[i] !== '[') {
        throw new FormatError("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
  }
  return { first, rest };
}

const splitName = cachedParser(splitFieldName);

/** How a formatter looks up a top-level key; JJB's CustomFormatter adds allow_empty. */
export type KeyLookup = (key: string) => YamlValue;

export function strictLookup(kwargs: YamlMap, allowEmpty: boolean): KeyLookup {
  return (key) => {
    if (Object.hasOwn(kwargs, key)) return kwargs[key];
    if (allowEmpty) return '';
    throw new FormatError(`'${key}'`, key);
  };
}

function step(obj: YamlValue, s: { attr: boolean; key: string | number }): YamlValue {
  if (s.attr) throw new FormatError(`'${pyTypeName(obj)}' object has no attribute '${s.key}'`);
  if (Array.isArray(obj)) {
    if (typeof s.key !== 'number') throw new FormatError('list indices must be integers or slices, not str');
    if (s.key >= obj.length) throw new FormatError('list index out of range');
    return obj[s.key];
  }
  if (typeof obj === 'string') {
    if (typeof s.key !== 'number') throw new FormatError('string indices must be integers, not \'str\'');
    const chars = [...obj];
    if (s.key >= chars.length) throw new FormatError('string index out of range');
    return chars[s.key];
  }
  if (obj && typeof obj === 'object' && Object.getPrototypeOf(obj) === Object.prototype) {
    const map = obj as YamlMap;
    const k = String(s.key);
    if (!Object.hasOwn(map, k)) throw new FormatError(`'${k}'`, k);
    return map[k];
  }
  throw new FormatError(`'${pyTypeName(obj)}' object is not subscriptable`);
}

function convert(v: YamlValue, conversion: string | undefined): YamlValue {
  if (conversion === undefined) return v;
  if (conversion === 's') return pyStr(v);
  if (conversion === 'r') return pyRepr(v);
  // eslint-disable-next-line no-control-regex
  if (conversion === 'a') return pyRepr(v).replace(/[^\x00-\x7f]/gu, (ch) => asciiEscape(ch));
  throw new FormatError(`Unknown conversion specifier ${conversion}`);
}

function asciiEscape(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c <= 0xff) return `\\x${c.toString(16).padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${c.toString(16).padStart(4, '0')}`;
  return `\\U${c.toString(16).padStart(8, '0')}`;
}

/** `string.Formatter().vformat(s, (), kwargs)` with the given key lookup. */
export function pyVformat(s: string, lookup: KeyLookup, depth = 2): string {
  if (depth < 0) throw new FormatError('Max string recursion exceeded');
  if (!s.includes('{') && !s.includes('}')) return s;
  let out = '';
  let auto: number | false = 0;
  for (const part of parsedFormat(s)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let name = part.name;
    if (name === '') {
      if (auto === false) throw new FormatError('cannot switch from manual field specification to automatic field numbering');
      name = String(auto++);
    } else if (/^\d+$/u.test(name)) {
      if (auto) throw new FormatError('cannot switch from automatic field numbering to manual field specification');
      auto = false;
    }
    const { first, rest } = splitName(name);
    if (/^\d+$/u.test(first)) throw new FormatError('tuple index out of range');
    let obj = lookup(first);
    for (const st of rest) obj = step(obj, st);
    obj = convert(obj, part.conversion);
    const spec = part.spec ? pyVformat(part.spec, lookup, depth - 1) : '';
    out += pyFormatValue(obj, spec);
  }
  return out;
}
