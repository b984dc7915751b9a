/**
 * A YAML loader that builds exactly what PyYAML 6.0 builds (JJB's loader, Zuul's safe_load):
 * YAML 1.1 scalar resolution, `!!merge`/`<<` merge keys flattened at the node level, anchors and
 * aliases sharing one object, duplicate keys keeping first position and last value, ordered maps.
 * The scanner, parser and composer are ports of PyYAML's (scanner.ts, compose.ts), so syntax is
 * accepted or rejected as PyYAML does, and errors carry PyYAML's messages.
 *
 *   parsePyYaml(text, file, { tags }) -> { value, diagnostics, ok }
 *   sourceOf(mapOrList) -> { file, line } of the YAML node that built it
 *
 * Custom (non-`tag:yaml.org,2002:`) tags go to `options.tags`; without a handler they are errors,
 * as in `yaml.safe_load`. Problems are diagnostics; a file that PyYAML could not compose at all
 * (syntax error, undefined alias, duplicate anchor) gives `ok: false` and value `null`.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { YamlValue } from '../jjb/types.js';
import { yamlDiagnostic, type YamlCode } from './codes.js';
import { composeDocument, type YNode } from './compose.js';
import { construct, type AnchorScope, type BuildContext } from './construct.js';
import { YamlSyntaxError } from './reader.js';

export type { AnchorScope } from './construct.js';

/** A node carrying a custom tag, as handed to a TagHandler. Aliases inside are resolved. */
export interface TaggedNode {
  /** resolved tag: a custom tag as written (`!include-raw:`), else `tag:yaml.org,2002:str` etc. */
  tag: string;
  kind: 'scalar' | 'seq' | 'map';
  /** the scalar's string value (scalars only), never resolved to a number etc. */
  text?: string;
  /** child nodes (sequences only) */
  items?: TaggedNode[];
  /** 1-based line where the node starts, its tag included */
  line: number;
  /** builds the node as if it had no tag (a string for scalars) */
  construct(): YamlValue;
}

export interface TagContext {
  file: string;
  line: number;
  diagnostics: Diagnostic[];
}

/** Returns the constructed value, or `undefined` if the tag is unknown (then a diagnostic is recorded). */
export type TagHandler = (node: TaggedNode, ctx: TagContext) => YamlValue | undefined;

export interface PyYamlOptions {
  tags?: TagHandler;
  /** Anchor namespace; pass the same scope to several documents to share anchors (JJB retain_anchors, includes). */
  anchors?: AnchorScope;
  /** upper bound on constructed nodes and merged pairs (billion-laughs guard); default 2,000,000 */
  maxNodes?: number;
}

export interface PyYamlResult {
  value: YamlValue;
  diagnostics: Diagnostic[];
  /** false if the document could not be composed (PyYAML would raise before constructing anything) */
  ok: boolean;
}

const locations = new WeakMap<object, SourceLocation>();

/** Where a mapping or sequence built by parsePyYaml starts (first key / first item / flow bracket). */
export function sourceOf(value: unknown): SourceLocation | undefined {
  return typeof value === 'object' && value !== null ? locations.get(value) : undefined;
}

export function newAnchorScope(): AnchorScope {
  return { anchors: new Map(), values: new Map(), flattened: new Map() };
}

function syntaxDiagnostic(e: YamlSyntaxError, file: string): Diagnostic {
  const code: YamlCode = e.problem.startsWith('found undefined alias')
    ? 'yaml-undefined-alias'
    : e.context?.startsWith('found duplicate anchor')
      ? 'yaml-duplicate-anchor'
      : 'yaml-syntax';
  const mark = e.problemMark ?? e.contextMark;
  const text = e.context ? `${e.context}, ${e.problem}` : e.problem;
  return yamlDiagnostic(code, text, file, mark ? mark.line + 1 : undefined);
}

export function parsePyYaml(text: string, file: string, options: PyYamlOptions = {}): PyYamlResult {
  const diagnostics: Diagnostic[] = [];
  const scope = options.anchors ?? newAnchorScope();
  let root: YNode | null;
  try {
    root = composeDocument(text, scope.anchors);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    diagnostics.push(syntaxDiagnostic(e, file));
    return { value: null, diagnostics, ok: false };
  }
  if (root === null) return { value: null, diagnostics, ok: true };
  const ctx: BuildContext = {
    file,
    scope,
    diagnostics,
    tags: options.tags,
    locations,
    budget: options.maxNodes ?? 2_000_000,
  };
  return { value: construct(root, ctx), diagnostics, ok: true };
}
