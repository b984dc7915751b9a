/**
 * A YAML loader that builds exactly what PyYAML 6.0 builds (JJB's loader, Zuul's safe_load):
 * YAML 1.1 scalar resolution, `!!merge`/`<<` merge keys flattened at the node level, anchors and
 * aliases sharing one object, duplicate keys keeping first position and last value, ordered maps.
 * The `yaml` package supplies structure and positions only (failsafe schema, every scalar a string).
 *
 *   parsePyYaml(text, file, { tags }) -> { value, diagnostics, ok }
 *   sourceOf(mapOrList) -> { file, line } of the YAML node that built it
 *
 * Custom (non-`tag:yaml.org,2002:`) tags go to `options.tags`; without a handler they are errors,
 * as in `yaml.safe_load`. Problems are diagnostics; a file that PyYAML could not compose at all
 * (syntax error, undefined alias, duplicate anchor) gives `ok: false` and value `null`.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { YamlValue } from '../jjb/types.js';
import { yamlDiagnostic } from './codes.js';
import { construct, prepare, type AnchorScope, type BuildContext } from './construct.js';

export type { AnchorScope } from './construct.js';

/** A node carrying a custom tag, as handed to a TagHandler. Aliases inside are resolved. */
export interface TaggedNode {
  /** the tag as written, e.g. `!include-raw:`; '' for an untagged child */
  tag: string;
  kind: 'scalar' | 'seq' | 'map';
  /** the scalar's string value (scalars only), never resolved to a number etc. */
  text?: string;
  /** child nodes (sequences only) */
  items?: TaggedNode[];
  /** 1-based line of the node */
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

/** Records a location for a value built elsewhere (e.g. an included document); keeps an existing one. */
export function setSourceOf(value: object, loc: SourceLocation): void {
  if (!locations.has(value)) locations.set(value, loc);
}

export function newAnchorScope(): AnchorScope {
  return { anchors: new Map(), values: new Map(), flattened: new Map() };
}

export function parsePyYaml(text: string, file: string, options: PyYamlOptions = {}): PyYamlResult {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    merge: false,
    uniqueKeys: false,
    lineCounter,
    keepSourceTokens: false,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    diagnostics.push(yamlDiagnostic('yaml-syntax', err.message.split('\n')[0]!, file, line));
    return { value: null, diagnostics, ok: false };
  }
  const ctx: BuildContext = {
    file,
    text,
    lineOf: (offset: number) => lineCounter.linePos(offset).line,
    scope: options.anchors ?? newAnchorScope(),
    aliasTargets: new Map(),
    diagnostics,
    tags: options.tags,
    locations,
    budget: options.maxNodes ?? 2_000_000,
  };
  if (!prepare(doc.contents, ctx)) return { value: null, diagnostics, ok: false };
  const value = construct(doc.contents, ctx);
  return { value, diagnostics, ok: true };
}
