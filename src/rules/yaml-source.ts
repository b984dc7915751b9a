/** Parses a YAML file with node ranges, so that schema errors can point at file:line. */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

export interface ParsedYaml {
  value: unknown;
  /** 1-based line of the node at a JSON pointer path ('' = root); `key` points at a mapping key */
  lineOf: (path: readonly (string | number)[], key?: string) => number;
  errors: { message: string; line: number }[];
}

export function parseYamlWithLines(text: string): ParsedYaml {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lc.linePos(offset).line);
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, line: lineAt(e.pos[0]) }));
  function lineOf(path: readonly (string | number)[], key?: string): number {
    let node: unknown = doc.contents;
    let line = lineAt((node as Node | null)?.range?.[0]);
    const steps = key === undefined ? path : [...path, key];
    for (const step of steps) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => String((p.key as { value?: unknown })?.value) === String(step));
        if (!pair) break;
        // the line where `key:` is written (a block value starts on the next line)
        line = lineAt((pair.key as Node | null)?.range?.[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(step)] as Node | undefined;
        if (!item) break;
        line = lineAt(item.range?.[0]);
        node = item;
      } else break;
    }
    return line;
  }
  return { value: errors.length ? undefined : doc.toJS({ maxAliasCount: -1 }), lineOf, errors };
}
