/**
 * Python's `format(value, spec)` (format-spec mini-language) for str, int, bool and float, the
 * types YAML gives. `{x:>5}` and `{n:03d}` are legal in JJB templates although the corpus uses none.
 * Errors are thrown as FormatError with Python's message.
 */
import { FormatError } from './format-error.js';
import { pyFloatRepr, pyStr, pyTypeName } from './pyrepr.js';
import { PyFloat, type YamlValue } from './types.js';

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | undefined;
  type: string;
}

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/u;

function parseSpec(spec: string): Spec {
  const m = SPEC_RE.exec(spec);
  if (!m) throw new FormatError('Invalid format specifier');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : ''),
    sign: m[3] ?? '-',
    alt: Boolean(m[5]),
    zero: Boolean(m[6]),
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : undefined,
    type: m[10] ?? '',
  };
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const len = [...body].length + sign.length;
  const n = Math.max(0, s.width - len);
  if (align === '=') return sign + s.fill.repeat(n) + body;
  if (align === '<') return sign + body + s.fill.repeat(n);
  if (align === '^') return s.fill.repeat(Math.floor(n / 2)) + sign + body + s.fill.repeat(n - Math.floor(n / 2));
  return s.fill.repeat(n) + sign + body;
}

function group(intDigits: string, sep: string, every: number): string {
  if (!sep) return intDigits;
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function signOf(negative: boolean, s: Spec): string {
  if (negative) return '-';
  return s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

function formatStr(v: string, s: Spec): string {
  if (s.type && s.type !== 's') throw new FormatError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== '-') throw new FormatError('Sign not allowed in string format specifier');
  if (s.align === '=') throw new FormatError("'=' alignment not allowed in string format specifier");
  const body = s.precision !== undefined ? [...v].slice(0, s.precision).join('') : v;
  return pad(body, '', s, '<');
}

function formatInt(v: number, s: Spec): string {
  const t = s.type;
  if ('eEfFgG%'.includes(t) && t) return formatFloat(v, s);
  if (s.precision !== undefined) throw new FormatError('Precision not allowed in integer format specifier');
  const abs = Math.abs(v);
  let body: string;
  let prefix = '';
  if (t === 'b') [body, prefix] = [abs.toString(2), '0b'];
  else if (t === 'o') [body, prefix] = [abs.toString(8), '0o'];
  else if (t === 'x') [body, prefix] = [abs.toString(16), '0x'];
  else if (t === 'X') [body, prefix] = [abs.toString(16).toUpperCase(), '0X'];
  else if (t === 'c') body = String.fromCodePoint(abs);
  else if (t === '' || t === 'd' || t === 'n') body = group(String(abs), s.grouping, 3);
  else throw new FormatError(`Unknown format code '${t}' for object of type 'int'`);
  return pad(body, signOf(v < 0, s) + (s.alt ? prefix : ''), s, '>');
}

function stripZeros(text: string, keep: boolean): string {
  if (keep || !text.includes('.')) return text;
  return text.replace(/\.?0+$/, '');
}

function general(abs: number, precision: number, alt: boolean, upper: boolean, noneType: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const exp = abs === 0 ? 0 : Number(abs.toExponential(p - 1).split('e')[1]);
  if (exp >= -4 && exp < p) {
    const fixed = stripZeros(abs.toFixed(Math.max(0, p - 1 - exp)), alt);
    return noneType && !fixed.includes('.') ? `${fixed}.0` : fixed;
  }
  const [m, e] = abs.toExponential(p - 1).split('e');
  const mant = stripZeros(m, alt);
  const en = Number(e);
  const out = `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  return upper ? out.toUpperCase() : out;
}

function formatFloat(v: number, s: Spec): string {
  const t = s.type;
  const abs = Math.abs(v);
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : 'inf';
  else if (t === 'f' || t === 'F') body = abs.toFixed(s.precision ?? 6);
  else if (t === '%') body = `${(abs * 100).toFixed(s.precision ?? 6)}%`;
  else if (t === 'e' || t === 'E') {
    const [m, e] = abs.toExponential(s.precision ?? 6).split('e');
    const en = Number(e);
    body = `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  } else if (t === 'g' || t === 'G' || t === 'n') body = general(abs, s.precision ?? 6, s.alt, t === 'G', false);
  else if (t === '') body = s.precision === undefined ? pyFloatRepr(abs) : general(abs, s.precision, s.alt, false, true);
  else throw new FormatError(`Unknown format code '${t}' for object of type 'float'`);
  if (t === 'E' || t === 'F') body = body.toUpperCase();
  if (s.grouping) {
    const lead = /^\d+/u.exec(body);
    if (lead) body = group(lead[0], s.grouping, 3) + body.slice(lead[0].length);
  }
  return pad(body, signOf(v < 0 || Object.is(v, -0), s), s, '>');
}

/** Python `format(value, spec)`. */
export function pyFormatValue(v: YamlValue | undefined, spec: string): string {
  if (spec === '') return pyStr(v);
  if (typeof v === 'string') return formatStr(v, parseSpec(spec));
  if (typeof v === 'boolean') return formatInt(v ? 1 : 0, parseSpec(spec));
  if (typeof v === 'number') return Number.isInteger(v) ? formatInt(v, parseSpec(spec)) : formatFloat(v, parseSpec(spec));
  if (v instanceof PyFloat) return formatFloat(v.value, parseSpec(spec));
  throw new FormatError(`unsupported format string passed to ${pyTypeName(v)}.__format__`);
}
