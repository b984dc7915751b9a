/**
 * A small deterministic YAML emitter: block maps and lists, keys in insertion order, short scalar lists in flow
 * style. Strings stay plain only when YAML 1.1 (SnakeYAML, PipelineLib) and YAML 1.2 (js-yaml, its validator)
 * both read them as the same string; everything else is single-quoted. `Quoted` forces quotes (run.env values,
 * pipelinelib-and-blubber.md §5.5). Hand-written because it is several times faster than js-yaml's dump.
 */

/** A string that is always emitted quoted. */
export class Quoted {
  constructor(readonly value: string) {}
}

export type YamlOut = string | number | boolean | null | Quoted | YamlOut[] | { [key: string]: YamlOut | undefined };

const SAFE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** YAML 1.1 booleans and nulls that a plain scalar would turn into (1.2 keeps fewer, 1.1 is the superset). */
const SPECIAL = /^(y|yes|n|no|true|false|on|off|null)$/i;
const FLOW_MAX = 72;

function quote(s: string): string {
  // Double-quoted JSON is valid YAML and escapes control characters; single quotes read better otherwise.
  // JSON leaves U+2028/2029 raw, which YAML 1.1 reads as line breaks; YAML knows the same \u escapes.
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(s)) return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `'${s.replaceAll("'", "''")}'`;
}

function str(s: string): string {
  return SAFE.test(s) && !SPECIAL.test(s) ? s : quote(s);
}

type YamlMapOut = { [key: string]: YamlOut | undefined };

function isScalar(v: YamlOut): v is string | number | boolean | null | Quoted {
  return v === null || typeof v !== 'object' || v instanceof Quoted;
}

function scalar(v: YamlOut): string {
  if (v === null) return 'null';
  if (v instanceof Quoted) return quote(v.value);
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error('not a scalar');
}

/** `[a, b]` for a short list of scalars, else undefined (block style). */
function flow(list: YamlOut[]): string | undefined {
  if (!list.every(isScalar)) return undefined;
  const text = `[${list.map(scalar).join(', ')}]`;
  return text.length <= FLOW_MAX ? text : undefined;
}

function inline(v: YamlOut): string | undefined {
  if (isScalar(v)) return scalar(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : flow(v);
  return Object.values(v as YamlMapOut).every((x) => x === undefined) ? '{}' : undefined;
}

function writeMap(map: { [key: string]: YamlOut | undefined }, pad: string, out: string[]): void {
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    const text = inline(v);
    if (text !== undefined) {
      out.push(`${pad}${str(k)}: ${text}`);
      continue;
    }
    out.push(`${pad}${str(k)}:`);
    writeBlock(v, `${pad}  `, out);
  }
}

function writeList(list: YamlOut[], pad: string, out: string[]): void {
  for (const item of list) {
    const text = inline(item);
    if (text !== undefined) {
      out.push(`${pad}- ${text}`);
      continue;
    }
    const start = out.length;
    writeBlock(item, `${pad}  `, out);
    // The first line of the nested block moves up beside the dash.
    out[start] = `${pad}- ${out[start]!.slice(pad.length + 2)}`;
  }
}

function writeBlock(v: YamlOut, pad: string, out: string[]): void {
  if (Array.isArray(v)) writeList(v, pad, out);
  else if (v !== null && typeof v === 'object' && !(v instanceof Quoted)) writeMap(v, pad, out);
  else out.push(`${pad}${scalar(v)}`);
}

/** YAML text for a map at the top level, ending with a newline. */
export function dumpYaml(doc: { [key: string]: YamlOut | undefined }): string {
  const out: string[] = [];
  writeMap(doc, '', out);
  return `${out.join('\n')}\n`;
}

/** YAML text for a top-level list (e.g. a list of layout or JJB items), ending with a newline. */
export function dumpYamlList(list: YamlOut[]): string {
  const out: string[] = [];
  writeList(list, '', out);
  return `${out.join('\n')}\n`;
}

/** The plain data a YAML parser reads back from `dumpYaml(v)` (Quoted unwrapped), for validation. */
export function plainData(v: YamlOut | undefined): unknown {
  if (v instanceof Quoted) return v.value;
  if (Array.isArray(v)) return v.map(plainData);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = plainData(x);
  return out;
}
