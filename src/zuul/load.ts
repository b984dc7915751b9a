/**
 * Reads the layout YAML into plain data the way PyYAML `safe_load` does, plus the 1-based line where each mapping
 * or sequence starts (for diagnostics). Kept in this one file so a shared PyYAML-compatible loader can replace it.
 *
 * Why js-yaml and not the `yaml` package: both give PyYAML's structure for this file (merge keys written
 * `- !!merge : *anchor`, anchors, flow mappings; checked against PyYAML 6 on the corpus), but js-yaml parses the
 * 346 KB layout about six times faster (about 25 ms warm, 100 ms cold versus 150/400 ms), and the Zuul phase
 * must stay well under 0.3 s. Its `listener` hook gives node start lines.
 *
 * YAML 1.1 differences that matter to a layout: PyYAML reads unquoted yes/no/on/off as booleans, `1_000` and
 * `0755` (octal) and `1:30` (base 60) as ints, and `1e3` (no dot) as a string; the bool, int and float types are
 * replaced by PyYAML's. Duplicate keys keep the last value, as in PyYAML (`json: true`).
 */
import yaml from 'js-yaml';

const YAML11_TRUE = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

const yaml11Bool = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (YAML11_TRUE.has(data) || YAML11_FALSE.has(data)),
  construct: (data: string) => YAML11_TRUE.has(data),
  predicate: (o: unknown) => typeof o === 'boolean',
  represent: (o: object) => (o ? 'true' : 'false'),
});

const FIND_WINDOW = 300;
const MAX_DEPTH = 6;

// PyYAML's YAML 1.1 int: `_` separators, `0b`, `0x`, a leading 0 for octal, base-60 `1:30`.
const YAML11_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

function constructInt(data: string): number {
  let v = data.replace(/_/g, '');
  let sign = 1;
  if (v[0] === '-' || v[0] === '+') {
    if (v[0] === '-') sign = -1;
    v = v.slice(1);
  }
  if (v === '0') return 0;
  if (v.startsWith('0b')) return sign * parseInt(v.slice(2), 2);
  if (v.startsWith('0x')) return sign * parseInt(v.slice(2), 16);
  if (v[0] === '0') return sign * parseInt(v, 8);
  if (v.includes(':')) return sign * v.split(':').reduce((acc, d) => acc * 60 + Number(d), 0);
  return sign * Number(v);
}

const yaml11Int = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && YAML11_INT.test(data),
  construct: constructInt,
  predicate: (o: unknown) => typeof o === 'number' && Number.isInteger(o),
  represent: (o: object) => String(o),
});

// PyYAML's YAML 1.1 float needs a dot (`1e3` stays a string) and accepts base 60.
const YAML11_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function constructFloat(data: string): number {
  const v = data.replace(/_/g, '').toLowerCase();
  const sign = v[0] === '-' ? -1 : 1;
  const body = v[0] === '-' || v[0] === '+' ? v.slice(1) : v;
  if (body === '.inf') return sign * Infinity;
  if (body === '.nan') return NaN;
  if (body.includes(':')) return sign * body.split(':').reduce((acc, d) => acc * 60 + Number(d), 0);
  return sign * Number(body);
}

const yaml11Float = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && YAML11_FLOAT.test(data),
  construct: constructFloat,
  predicate: (o: unknown) => typeof o === 'number' && !Number.isInteger(o),
  represent: (o: object) => String(o),
});

const SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [yaml11Bool, yaml11Int, yaml11Float] });

/** The parsed document and where its containers start. */
export interface LoadedYaml {
  data: unknown;
  /** 1-based start line of a mapping or sequence object of `data`. */
  lineOf: (node: unknown) => number | undefined;
  /**
   * First line in the `FIND_WINDOW` lines from `fromLine` whose text contains `needle`, else `fromLine`
   * (for scalars, which carry no position; used for diagnostics only).
   */
  findLine: (fromLine: number | undefined, needle: string) => number | undefined;
}

/** A YAML syntax error, with its 1-based line. */
export interface YamlError {
  message: string;
  line?: number;
}

interface ListenerState {
  line: number;
  result: unknown;
}

export function readYaml(text: string, file: string): { ok: true; value: LoadedYaml } | { ok: false; error: YamlError } {
  const lines = new Map<object, number>();
  const opened: number[] = [];
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      opened.push(state.line);
      return;
    }
    const start = opened.pop();
    const r = state.result;
    // Only containers near the top carry diagnostics (sections, entries, triggers, template calls, trees).
    if (opened.length <= MAX_DEPTH && r !== null && typeof r === 'object' && start !== undefined && !lines.has(r)) {
      lines.set(r, start + 1);
    }
  };
  let data: unknown;
  try {
    data = yaml.load(text, { filename: file, schema: SCHEMA, json: true, listener });
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line?: number } };
    const line = e.mark?.line;
    return { ok: false, error: { message: e.reason ?? e.message ?? String(err), line: line === undefined ? undefined : line + 1 } };
  }
  let textLines: string[] | undefined;
  const findLine = (fromLine: number | undefined, needle: string): number | undefined => {
    textLines ??= text.split('\n');
    const start = Math.max(0, (fromLine ?? 1) - 1);
    for (let i = start; i < Math.min(textLines.length, start + FIND_WINDOW); i++) {
      if (textLines[i]!.includes(needle)) return i + 1;
    }
    return fromLine;
  };
  const lineOf = (node: unknown): number | undefined =>
    node !== null && typeof node === 'object' ? lines.get(node) : undefined;
  return { ok: true, value: { data, lineOf, findLine } };
}
