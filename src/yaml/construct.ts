/**
 * Construction of composed nodes (PyYAML SafeConstructor + JJB's OrderedConstructor): each node is
 * built once, so aliases and merged values share objects; flatten_mapping for merge keys.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { PyDate, PyFloat, type YamlMap, type YamlValue } from '../jjb/types.js';
import { yamlDiagnostic, type YamlCode } from './codes.js';
import type { ComposedAnchor, YMap, YNode } from './compose.js';
import type { TaggedNode, TagHandler } from './pyyaml.js';
import { constructScalar, ScalarError, TAG } from './scalars.js';

type PairNodes = [key: YNode, value: YNode];

/** An anchor namespace: names -> nodes, and the value built for each node (shared identity). */
export interface AnchorScope {
  anchors: Map<string, ComposedAnchor>;
  values: Map<YNode, YamlValue>;
  flattened: Map<YMap, PairNodes[]>;
}

export interface BuildContext {
  file: string;
  scope: AnchorScope;
  diagnostics: Diagnostic[];
  tags: TagHandler | undefined;
  locations: WeakMap<object, SourceLocation>;
  budget: number;
}

function report(ctx: BuildContext, code: YamlCode, detail: string, line: number): void {
  ctx.diagnostics.push(yamlDiagnostic(code, detail, ctx.file, line));
}

/**
 * PyYAML SafeConstructor.flatten_mapping: merged pairs first (later list entries first), then own pairs.
 * Errors are reported at the merge key's line (PyYAML names the merged node's own position too).
 */
function flatten(map: YMap, ctx: BuildContext): PairNodes[] {
  const cached = map.shared ? ctx.scope.flattened.get(map) : undefined;
  if (cached) return cached;
  const merged: PairNodes[] = [];
  const own: PairNodes[] = [];
  for (const [key, value] of map.pairs) {
    if (key.tag !== TAG.merge) {
      if (key.tag === TAG.value) key.tag = TAG.str;
      own.push([key, value]);
      continue;
    }
    if (value.kind === 'map') {
      merged.push(...flatten(value, ctx));
    } else if (value.kind === 'seq') {
      const subs: PairNodes[][] = [];
      for (const sub of value.items) {
        if (sub.kind !== 'map') {
          report(ctx, 'yaml-bad-merge', `a list item is a ${sub.kind === 'seq' ? 'sequence' : 'scalar'}`, key.line);
          continue;
        }
        subs.push(flatten(sub, ctx));
      }
      for (const sub of subs.reverse()) merged.push(...sub);
    } else {
      report(ctx, 'yaml-bad-merge', 'found a scalar', key.line);
    }
  }
  const result = merged.length > 0 ? merged.concat(own) : own;
  if (map.shared) {
    ctx.scope.flattened.set(map, result);
    // Merging this mapping elsewhere builds these values again (merged-in ones included).
    for (const pair of result) pair[1].shared = true;
  }
  ctx.budget -= result.length;
  return result;
}

/** Python's str() of a hashable key; undefined if Python could not hash it. */
function keyString(key: YamlValue): string | undefined {
  if (typeof key === 'string') return key;
  if (key === null) return 'None';
  if (typeof key === 'boolean') return key ? 'True' : 'False';
  if (typeof key === 'number') {
    if (Number.isNaN(key)) return 'nan';
    if (!Number.isFinite(key)) return key > 0 ? 'inf' : '-inf';
    return String(key);
  }
  if (key instanceof PyFloat) return Math.abs(key.value) < 1e16 ? key.value.toFixed(1) : String(key.value);
  if (key instanceof PyDate) return key.text;
  return undefined;
}

function setKey(obj: YamlMap, key: string, value: YamlValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function buildMap(node: YMap, ctx: BuildContext): YamlMap {
  const obj: YamlMap = {};
  if (node.shared) ctx.scope.values.set(node, obj);
  ctx.locations.set(obj, { file: ctx.file, line: node.line });
  let lastIndex = -1;
  let sawName = false;
  let misordered = false;
  for (const [keyNode, valueNode] of flatten(node, ctx)) {
    const key = keyString(construct(keyNode, ctx));
    if (key === undefined) {
      report(ctx, 'yaml-bad-key', 'while constructing a mapping', keyNode.startLine);
      continue;
    }
    if (!(key in obj)) {
      // Array-index-like keys come first in ascending order in a JS object, whatever the insertion order.
      const index = isDigit(key.charCodeAt(0)) && /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295 ? Number(key) : -1;
      if (index < 0) sawName = true;
      else if (sawName || index < lastIndex) misordered = true;
      else lastIndex = index;
    }
    setKey(obj, key, construct(valueNode, ctx));
  }
  if (misordered) report(ctx, 'yaml-key-order', '', node.line);
  return obj;
}

function buildUntagged(node: YNode, ctx: BuildContext): YamlValue {
  if (node.kind === 'map') return buildMap(node, ctx);
  if (node.kind === 'seq') {
    const arr: YamlValue[] = [];
    if (node.shared) ctx.scope.values.set(node, arr);
    ctx.locations.set(arr, { file: ctx.file, line: node.line });
    for (const item of node.items) arr.push(construct(item, ctx));
    return arr;
  }
  return node.value;
}

function tagged(node: YNode, ctx: BuildContext): TaggedNode {
  const t: TaggedNode = {
    tag: node.tag,
    kind: node.kind,
    line: node.startLine,
    construct: () => buildUntagged(node, ctx),
  };
  if (node.kind === 'scalar') t.text = node.value;
  if (node.kind === 'seq') t.items = node.items.map((item) => tagged(item, ctx));
  return t;
}

function buildCustom(node: YNode, ctx: BuildContext): YamlValue {
  if (ctx.tags) {
    const value = ctx.tags(tagged(node, ctx), { file: ctx.file, line: node.startLine, diagnostics: ctx.diagnostics });
    if (value !== undefined) return value;
  }
  report(ctx, 'yaml-unknown-tag', `'${node.tag}'`, node.startLine);
  return null;
}

function buildStandard(node: YNode, ctx: BuildContext): YamlValue {
  const tag = node.tag;
  if (node.kind === 'map' ? tag === TAG.map : node.kind === 'seq' ? tag === TAG.seq : false) return buildUntagged(node, ctx);
  if (node.kind === 'scalar') {
    try {
      const value = constructScalar(tag, node.value);
      if (value !== undefined) return value;
    } catch (e) {
      if (!(e instanceof ScalarError)) throw e;
      report(ctx, 'yaml-bad-scalar', e.message, node.startLine);
      return null;
    }
  }
  report(ctx, 'yaml-unknown-tag', `'${tag}'`, node.startLine);
  return null;
}

/** Builds a node's value; a shared node (anchored, or merged) only once, so references get the same object. */
export function construct(node: YNode, ctx: BuildContext): YamlValue {
  if (node.shared) {
    const done = ctx.scope.values.get(node);
    if (done !== undefined) return done;
  }
  if (--ctx.budget < 0) {
    if (ctx.budget === -1) report(ctx, 'yaml-too-large', '', node.startLine);
    return null;
  }
  const value = node.tag.startsWith('tag:yaml.org,2002:') ? buildStandard(node, ctx) : buildCustom(node, ctx);
  if (node.shared) ctx.scope.values.set(node, value);
  return value;
}
