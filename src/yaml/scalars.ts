/**
 * YAML 1.1 scalars exactly as PyYAML 6.0 resolves and constructs them (resolver.py, constructor.py).
 * Only *plain* scalars are resolved implicitly; quoted and block scalars are always strings.
 */
import { PyDate, PyFloat, type YamlValue } from '../jjb/types.js';

export const TAG = {
  str: 'tag:yaml.org,2002:str',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  bool: 'tag:yaml.org,2002:bool',
  null: 'tag:yaml.org,2002:null',
  timestamp: 'tag:yaml.org,2002:timestamp',
  merge: 'tag:yaml.org,2002:merge',
  value: 'tag:yaml.org,2002:value',
  yaml: 'tag:yaml.org,2002:yaml',
  map: 'tag:yaml.org,2002:map',
  seq: 'tag:yaml.org,2002:seq',
} as const;

// PyYAML's implicit resolvers (resolver.py), in registration order: bool, float, int, merge, null,
// timestamp, value, yaml. Only float, int and timestamp can start with `-+0123456789.`, and none of
// those can start with anything else, so the lookup below is equivalent and avoids regexes for words.
const BOOLS = new Set('yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF'.split(' '));
const NULLS = new Set(['~', 'null', 'Null', 'NULL', '']);
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_RE =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const TIMESTAMP_RE =
  /^(?<year>[0-9][0-9][0-9][0-9])-(?<month>[0-9][0-9]?)-(?<day>[0-9][0-9]?)(?:(?:[Tt]|[ \t]+)(?<hour>[0-9][0-9]?):(?<minute>[0-9][0-9]):(?<second>[0-9][0-9])(?:\.(?<fraction>[0-9]*))?(?:[ \t]*(?<tz>Z|(?<tzSign>[-+])(?<tzHour>[0-9][0-9]?)(?::(?<tzMinute>[0-9][0-9]))?))?)?$/;
// The implicit timestamp resolver accepts the date-only form only with two-digit month and day.
const TIMESTAMP_IMPLICIT_RE =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** The tag PyYAML's resolver gives a plain scalar. */
export function resolvePlainTag(text: string): string {
  if (BOOLS.has(text)) return TAG.bool;
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (FLOAT_RE.test(text)) return TAG.float;
    if (INT_RE.test(text)) return TAG.int;
    if (TIMESTAMP_IMPLICIT_RE.test(text)) return TAG.timestamp;
    return TAG.str;
  }
  if (text === '<<') return TAG.merge;
  if (NULLS.has(text)) return TAG.null;
  if (text === '=') return TAG.value;
  if (text === '!' || text === '&' || text === '*') return TAG.yaml;
  return TAG.str;
}

/** Thrown by the constructors below for values PyYAML cannot construct (it raises ValueError/KeyError). */
export class ScalarError extends Error {}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

function constructBool(text: string): boolean {
  const v = BOOL_VALUES[text.toLowerCase()];
  if (v === undefined) throw new ScalarError(`invalid boolean ${JSON.stringify(text)}`);
  return v;
}

function parseDigits(digits: string, radix: number, text: string): number {
  const re = radix === 2 ? /^[01]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!re.test(digits)) throw new ScalarError(`invalid literal for int() with base ${radix}: ${JSON.stringify(text)}`);
  return radix === 10 ? Number(digits) : parseInt(digits, radix);
}

function sexagesimal(parts: number[]): number {
  let value = 0;
  for (const p of parts) value = value * 60 + p;
  return value;
}

/** PyYAML construct_yaml_int (JavaScript numbers: exact up to 2**53). */
export function constructInt(text: string): number {
  let value = text.replace(/_/g, '');
  let sign = 1;
  if (value.startsWith('-')) sign = -1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * parseDigits(value.slice(2), 2, text);
  if (value.startsWith('0x')) return sign * parseDigits(value.slice(2), 16, text);
  if (value.startsWith('0')) return sign * parseDigits(value, 8, text);
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map((p) => parseDigits(p, 10, text)));
  return sign * parseDigits(value, 10, text);
}

function pyFloat(part: string, text: string): number {
  // Python float(): digits with an optional dot and exponent (underscores already removed).
  if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?$/.test(part)) {
    throw new ScalarError(`could not convert string to float: ${JSON.stringify(text)}`);
  }
  return Number(part);
}

/** PyYAML construct_yaml_float; an integral result becomes PyFloat so that it prints as `3.0`. */
export function constructFloat(text: string): number | PyFloat {
  let value = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (value.startsWith('-')) sign = -1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  let n: number;
  if (value === '.inf') n = sign * Infinity;
  else if (value === '.nan') n = NaN;
  else if (value.includes(':')) n = sign * sexagesimal(value.split(':').map((p) => pyFloat(p, text)));
  else n = sign * pyFloat(value, text);
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

const pad = (n: number | string, width = 2): string => String(n).padStart(width, '0');

/** PyYAML construct_yaml_timestamp; PyDate holds Python's str() of the date or datetime. */
export function constructTimestamp(text: string): PyDate {
  const m = TIMESTAMP_RE.exec(text);
  if (!m?.groups) throw new ScalarError(`invalid timestamp ${JSON.stringify(text)}`);
  const g = m.groups as Record<string, string | undefined>;
  const year = Number(g.year);
  const month = Number(g.month);
  const day = Number(g.day);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new ScalarError(`invalid date ${JSON.stringify(text)}`);
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (g.hour === undefined) return new PyDate(date);
  const [hour, minute, second] = [Number(g.hour), Number(g.minute), Number(g.second)];
  if (hour > 23 || minute > 59 || second > 59) throw new ScalarError(`invalid time ${JSON.stringify(text)}`);
  let time = `${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const fraction = g.fraction ? Number(g.fraction.slice(0, 6).padEnd(6, '0')) : 0;
  if (fraction) time += `.${pad(fraction, 6)}`;
  let tz = '';
  if (g.tzSign) {
    const h = Number(g.tzHour);
    const mi = Number(g.tzMinute ?? 0);
    if (h > 23 || mi > 59) throw new ScalarError(`invalid timezone ${JSON.stringify(text)}`);
    tz = `${h === 0 && mi === 0 ? '+' : g.tzSign}${pad(h)}:${pad(mi)}`;
  } else if (g.tz) tz = '+00:00';
  return new PyDate(`${date} ${time}${tz}`);
}

/**
 * Constructs a scalar with a standard tag (implicit or explicit). Returns `undefined` for a tag
 * that is not a scalar tag of PyYAML's SafeConstructor. Throws ScalarError where PyYAML raises.
 */
export function constructScalar(tag: string, text: string): YamlValue | undefined {
  switch (tag) {
    case TAG.str:
      return text;
    case TAG.null:
      return null;
    case TAG.bool:
      return constructBool(text);
    case TAG.int:
      return constructInt(text);
    case TAG.float:
      return constructFloat(text);
    case TAG.timestamp:
      return constructTimestamp(text);
    default:
      return undefined;
  }
}
