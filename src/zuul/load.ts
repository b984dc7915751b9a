/**
 * Reads the layout YAML into plain data the way PyYAML `safe_load` does, plus the 1-based line where each mapping
 * or sequence starts (for diagnostics). Kept in this one file so a shared PyYAML-compatible loader can replace it.
 *
 * Why js-yaml and not the `yaml` package: both give PyYAML's structure for this file (merge keys written
 * `- !!merge : *anchor`, anchors, flow mappings; checked against PyYAML 6 on the corpus), but js-yaml parses the
 * 346 KB layout about six times faster (about 25 ms warm, 100 ms cold versus 150/400 ms), and the Zuul phase
 * must stay well under 0.3 s. Its `listener` hook gives node start lines.
 *
 * YAML 1.1 differences that matter to a layout: PyYAML reads unquoted yes/no/on/off as booleans, so the bool
 * type is replaced by the YAML 1.1 one. Duplicate keys keep the last value, as in PyYAML (`json: true`).
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

const SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [yaml11Bool] });

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
