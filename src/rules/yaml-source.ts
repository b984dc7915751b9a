/**
 * Parses a rule file with node lines, so that schema errors can point at file:line.
 *
 * js-yaml (YAML 1.2 core schema, duplicate keys are errors) with its `listener` hook, which reports the start of
 * every node, keys included. Chosen over the `yaml` package, which parsed the 18 rule files about 4x slower and
 * cost ~50 ms more to import; loading the rules is on the critical path of `j2a convert`.
 */
import yaml from 'js-yaml';

export interface ParsedYaml {
  value: unknown;
  /** 1-based line of the node at a JSON pointer path ('' = root); `key` points at a mapping key */
  lineOf: (path: readonly (string | number)[], key?: string) => number;
  errors: { message: string; line: number }[];
}

/** One parsed node: its first line and, for collections, its children in order (keys and values alternate). */
interface Frame {
  line: number;
  result?: unknown;
  children: Frame[];
}

interface ListenerState {
  line: number;
  result: unknown;
}

export function parseYamlWithLines(text: string): ParsedYaml {
  const root: Frame = { line: 1, children: [] };
  const stack: Frame[] = [root];
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      const frame: Frame = { line: state.line + 1, children: [] };
      stack[stack.length - 1]!.children.push(frame);
      stack.push(frame);
      return;
    }
    const frame = stack.pop()!;
    frame.result = state.result;
    // js-yaml opens a node, then finds nothing there (e.g. an empty value): drop such frames
    if (state.result === undefined && frame.children.length === 0) stack[stack.length - 1]!.children.pop();
  };
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, listener });
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line?: number } };
    return { value: undefined, lineOf: () => 1, errors: [{ message: e.reason ?? e.message ?? String(err), line: (e.mark?.line ?? 0) + 1 }] };
  }
  const top = root.children[0];
  function lineOf(path: readonly (string | number)[], key?: string): number {
    let frame = top;
    let line = frame?.line ?? 1;
    const steps = key === undefined ? path : [...path, key];
    for (const step of steps) {
      if (!frame) break;
      const node = frame.result;
      let next: Frame | undefined;
      if (Array.isArray(node)) {
        next = frame.children[Number(step)];
        if (next) line = next.line;
      } else if (node !== null && typeof node === 'object') {
        for (let i = 0; i + 1 < frame.children.length; i += 2) {
          if (String(frame.children[i]!.result) !== String(step)) continue;
          line = frame.children[i]!.line; // the line where `key:` is written (a block value starts on the next line)
          next = frame.children[i + 1];
          break;
        }
      }
      if (!next) break;
      frame = next;
    }
    return line;
  }
  return { value, lineOf, errors: [] };
}
