/**
 * Node-level construction for pyyaml.ts: alias binding (PyYAML's composer) and construction
 * (SafeConstructor + JJB's OrderedConstructor), including flatten_mapping for merge keys.
 */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { PyDate, PyFloat, type YamlMap, type YamlValue } from '../jjb/types.js';
import { yamlDiagnostic, type YamlCode } from './codes.js';
import type { TaggedNode, TagHandler } from './pyyaml.js';
import { constructScalar, resolvePlainTag, ScalarError, TAG } from './scalars.js';

/** An anchor namespace: names -> nodes, and the value built for each node (shared identity). */
export interface AnchorScope {
  anchors: Map<string, Node>;
  values: Map<Node, YamlValue>;
  flattened: Map<YAMLMap, PairNodes[]>;
}

export interface BuildContext {
  file: string;
  text: string;
  lineOf(offset: number): number;
  scope: AnchorScope;
  aliasTargets: Map<Alias, Node>;
  diagnostics: Diagnostic[];
  tags: TagHandler | undefined;
  locations: WeakMap<object, SourceLocation>;
  budget: number;
}

type PairNodes = [key: Node | null, value: Node | null];

function lineOfNode(node: Node, ctx: BuildContext): number {
  return ctx.lineOf(node.range?.[0] ?? 0);
}

function report(ctx: BuildContext, code: YamlCode, detail: string, node: Node | null): void {
  ctx.diagnostics.push(yamlDiagnostic(code, detail, ctx.file, node ? lineOfNode(node, ctx) : undefined));
}

function scalarText(node: Scalar): string {
  const v = node.value;
  if (typeof v === 'string') return v;
  return v === null || v === undefined ? '' : String(v);
}

/**
 * The `yaml` package attaches the tag of `!!merge : *a` (tag on an empty key, on the first line of a
 * block mapping) to the mapping. PyYAML gives it to the key: move it back when the tag is written on
 * the key's own line.
 */
function fixKeyTag(map: YAMLMap, ctx: BuildContext): void {
  const first = map.items[0] as Pair<unknown, unknown> | undefined;
  const key = first?.key;
  if (!isScalar(key) || key.tag !== undefined || key.type !== 'PLAIN' || scalarText(key) !== '') return;
  const offset = key.range?.[0] ?? 0;
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  if (!/(?:^|\s)!\S*\s*$/.test(ctx.text.slice(lineStart, offset))) return;
  key.tag = map.tag;
  map.tag = undefined;
}

/** PyYAML's composer: registers anchors, binds aliases, checks both. False if composition fails. */
export function prepare(root: Node | null, ctx: BuildContext): boolean {
  const stack: (Node | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (--ctx.budget < 0) {
      report(ctx, 'yaml-too-large', '', node);
      return false;
    }
    if (isAlias(node)) {
      const target = ctx.scope.anchors.get(node.source);
      if (!target) {
        report(ctx, 'yaml-undefined-alias', `'${node.source}'`, node);
        return false;
      }
      ctx.aliasTargets.set(node, target);
      continue;
    }
    if (node.anchor !== undefined) {
      const prev = ctx.scope.anchors.get(node.anchor);
      if (prev) {
        report(ctx, 'yaml-duplicate-anchor', `'${node.anchor}'`, node);
        return false;
      }
      ctx.scope.anchors.set(node.anchor, node);
    }
    const children: (Node | null)[] = [];
    if (isMap(node)) {
      if (node.tag !== undefined) fixKeyTag(node, ctx);
      for (const pair of node.items as Pair<Node | null, Node | null>[]) children.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return true;
}

function deref(node: Node | null, ctx: BuildContext): Node | null {
  return node && isAlias(node) ? (ctx.aliasTargets.get(node) ?? null) : node;
}

function isMergeKey(key: Node | null, ctx: BuildContext): boolean {
  const k = deref(key, ctx);
  if (!k || !isScalar(k)) return false;
  if (k.tag !== undefined) return k.tag === TAG.merge;
  return k.type === 'PLAIN' && scalarText(k) === '<<';
}

/** PyYAML SafeConstructor.flatten_mapping: merged pairs first (later list entries first), then own pairs. */
function flatten(map: YAMLMap, ctx: BuildContext): PairNodes[] {
  const cached = ctx.scope.flattened.get(map);
  if (cached) return cached;
  const merged: PairNodes[] = [];
  const own: PairNodes[] = [];
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    if (!isMergeKey(pair.key, ctx)) {
      own.push([pair.key, pair.value]);
      continue;
    }
    const value = deref(pair.value, ctx);
    if (value && isMap(value)) {
      merged.push(...flatten(value, ctx));
    } else if (value && isSeq(value)) {
      const subs: PairNodes[][] = [];
      for (const item of value.items as (Node | null)[]) {
        const sub = deref(item, ctx);
        if (!sub || !isMap(sub)) {
          report(ctx, 'yaml-bad-merge', 'expected a mapping for merging', item ?? value);
          continue;
        }
        subs.push(flatten(sub, ctx));
      }
      for (const sub of subs.reverse()) merged.push(...sub);
    } else {
      report(ctx, 'yaml-bad-merge', 'found a scalar', pair.value ?? map);
    }
  }
  const result = merged.length > 0 ? merged.concat(own) : own;
  ctx.scope.flattened.set(map, result);
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
  if (key instanceof PyFloat) return Number.isFinite(key.value) && Math.abs(key.value) < 1e16 ? key.value.toFixed(1) : String(key.value);
  if (key instanceof PyDate) return key.text;
  return undefined;
}

function setKey(obj: YamlMap, key: string, value: YamlValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function buildMap(node: YAMLMap, ctx: BuildContext): YamlMap {
  const obj: YamlMap = {};
  ctx.scope.values.set(node, obj);
  ctx.locations.set(obj, { file: ctx.file, line: lineOfNode(node, ctx) });
  for (const [keyNode, valueNode] of flatten(node, ctx)) {
    const keyTarget = deref(keyNode, ctx);
    if (keyTarget && isScalar(keyTarget) && keyTarget.tag === TAG.value) keyTarget.tag = TAG.str;
    const key = keyString(construct(keyNode, ctx));
    if (key === undefined) {
      report(ctx, 'yaml-bad-key', 'while constructing a mapping', keyNode);
      continue;
    }
    setKey(obj, key, construct(valueNode, ctx));
  }
  return obj;
}

function buildSeq(node: Node & { items: unknown[] }, ctx: BuildContext): YamlValue[] {
  const arr: YamlValue[] = [];
  ctx.scope.values.set(node, arr);
  ctx.locations.set(arr, { file: ctx.file, line: lineOfNode(node, ctx) });
  for (const item of node.items as (Node | null)[]) arr.push(construct(item, ctx));
  return arr;
}

function buildScalar(node: Scalar, tag: string, ctx: BuildContext): YamlValue {
  const text = scalarText(node);
  try {
    const value = constructScalar(tag, text);
    if (value !== undefined) return value;
  } catch (e) {
    if (!(e instanceof ScalarError)) throw e;
    report(ctx, 'yaml-bad-scalar', e.message, node);
    return null;
  }
  report(ctx, 'yaml-unknown-tag', `'${tag}'`, node);
  return null;
}

function tagged(node: Node, ctx: BuildContext): TaggedNode {
  const kind = isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar';
  const t: TaggedNode = {
    tag: node.tag ?? '',
    kind,
    line: lineOfNode(node, ctx),
    construct: () => constructUntagged(node, ctx),
  };
  if (isScalar(node)) t.text = scalarText(node);
  if (isSeq(node)) {
    t.items = (node.items as (Node | null)[]).map((item) => {
      const target = deref(item, ctx);
      return target ? tagged(target, ctx) : { tag: '', kind: 'scalar', text: '', line: t.line, construct: () => null };
    });
  }
  return t;
}

function constructUntagged(node: Node, ctx: BuildContext): YamlValue {
  if (isMap(node)) return buildMap(node, ctx);
  if (isSeq(node)) return buildSeq(node, ctx);
  return scalarText(node as Scalar);
}

function buildCustom(node: Node, ctx: BuildContext): YamlValue {
  const tag = node.tag!;
  if (ctx.tags) {
    // The tag's own line (the node's range starts after its properties, maybe on a later line).
    const start = node.range?.[0] ?? 0;
    const at = ctx.text.lastIndexOf(tag, start);
    const line = ctx.lineOf(at >= 0 ? at : start);
    const value = ctx.tags(tagged(node, ctx), { file: ctx.file, line, diagnostics: ctx.diagnostics });
    if (value !== undefined) {
      ctx.scope.values.set(node, value);
      return value;
    }
  }
  report(ctx, 'yaml-unknown-tag', `'${tag}'`, node);
  return null;
}

/** Builds the value of a node once; later references (aliases, merges) get the same object. */
export function construct(node: Node | null, ctx: BuildContext): YamlValue {
  const target = deref(node, ctx);
  if (!target) return null;
  const done = ctx.scope.values.get(target);
  if (done !== undefined) return done;
  if (--ctx.budget < 0) {
    if (ctx.budget === -1) report(ctx, 'yaml-too-large', '', target);
    return null;
  }
  const tag = target.tag;
  const custom = tag !== undefined && tag !== '!' && !tag.startsWith('tag:yaml.org,2002:');
  if (custom) return buildCustom(target, ctx);
  if (isMap(target)) {
    if (tag === undefined || tag === '!' || tag === TAG.map) return buildMap(target, ctx);
    report(ctx, 'yaml-unknown-tag', `'${tag}' on a mapping`, target);
    return null;
  }
  if (isSeq(target)) {
    if (tag === undefined || tag === '!' || tag === TAG.seq) return buildSeq(target, ctx);
    report(ctx, 'yaml-unknown-tag', `'${tag}' on a sequence`, target);
    return null;
  }
  const scalar = target as Scalar;
  // PyYAML's parser marks a scalar tagged `!` as implicit (like a plain one), whatever its style.
  const implicit = tag === '!' || (tag === undefined && scalar.type === 'PLAIN');
  const resolved = implicit ? resolvePlainTag(scalarText(scalar)) : (tag ?? TAG.str);
  const value = buildScalar(scalar, resolved, ctx);
  ctx.scope.values.set(target, value);
  return value;
}
