/**
 * Python 3.11 printing of YAML values, as JJB shows them when a value is embedded in a string:
 * `str()` and `repr()` of str, int, float, bool, None, list, OrderedDict (every YAML mapping is one)
 * and datetime.date. JavaScript's `String()` differs on almost all of these (jjb-expansion.md §9).
 */
import { JinjaTemplate, LazyInclude, PyDate, PyFloat, type YamlValue } from './types.js';

/** Python `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16 on. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return negative ? `-${out}` : out;
}

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\x${c.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

function dateRepr(d: PyDate): string {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)$/.exec(d.text);
  if (m) return `datetime.date(${Number(m[1])}, ${Number(m[2])}, ${Number(m[3])})`;
  return `datetime.datetime(${d.text})`;
}

function isMap(v: unknown): v is Record<string, YamlValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Python `repr()` of a value. */
export function pyRepr(v: YamlValue | undefined): string {
  if (typeof v === 'string') return pyStrRepr(v);
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyDate) return dateRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof JinjaTemplate) return `!${v.tag}: ${v.text}`;
  if (v instanceof LazyInclude) return `!${v.tag}: ${v.paths.join(', ')}`;
  if (isMap(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'OrderedDict()';
    return `OrderedDict([${keys.map((k) => `(${pyStrRepr(k)}, ${pyRepr(v[k])})`).join(', ')}])`;
  }
  return String(v);
}

/** Python `str()` of a value: strings as-is, dates as ISO text, everything else as repr. */
export function pyStr(v: YamlValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyDate) return v.text;
  return pyRepr(v);
}

/** Python type name, for error messages. */
export function pyTypeName(v: YamlValue | undefined): string {
  if (typeof v === 'string') return 'str';
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyDate) return 'datetime.date';
  if (Array.isArray(v)) return 'list';
  return isMap(v) ? 'OrderedDict' : 'object';
}
