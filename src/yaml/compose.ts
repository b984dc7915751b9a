/**
 * PyYAML 6.0's parser.py and composer.py in one recursive descent: tokens -> a node graph in which an
 * alias is the anchored node itself. Scalars get their tag from the resolver (scalars.ts) exactly
 * where PyYAML resolves: plain untagged scalars and any scalar tagged `!`.
 */
import { type Mark } from './reader.js';
import { resolvePlainTag, TAG } from './scalars.js';
import { Scanner, YamlSyntaxError, type Token, type TokenType } from './scanner.js';

interface NodeBase {
  /** resolved tag: `tag:yaml.org,2002:*` or a custom tag as written with its handle expanded */
  tag: string;
  /** 1-based line where the content starts (first key of a block mapping, the `[`, the scalar) */
  line: number;
  /** 1-based line where the node starts, properties (tag, anchor) included */
  startLine: number;
  /** may be constructed more than once (anchored, or a value of an anchored mapping): build it once */
  shared?: boolean;
}
export interface YScalar extends NodeBase {
  kind: 'scalar';
  value: string;
  /** undefined for plain, else the indicator: `'`, `"`, `|`, `>` */
  style: string | undefined;
}
export interface YSeq extends NodeBase {
  kind: 'seq';
  items: YNode[];
}
export interface YMap extends NodeBase {
  kind: 'map';
  pairs: [YNode, YNode][];
}
export type YNode = YScalar | YSeq | YMap;

export interface ComposedAnchor {
  node: YNode;
  mark: Mark;
}

const DEFAULT_TAGS: Record<string, string> = { '!': '!', '!!': 'tag:yaml.org,2002:' };

/** Composes the single document of `text` (null if empty). Throws YamlSyntaxError as PyYAML raises. */
export function composeDocument(text: string, anchors: Map<string, ComposedAnchor>): YNode | null {
  return new Composer(text, anchors).composeStream();
}

function fail(context: string | undefined, contextMark: Mark | undefined, problem: string, problemMark: Mark | undefined): never {
  throw new YamlSyntaxError(context, contextMark, problem, problemMark);
}

class Composer {
  private s: Scanner;
  private tagHandles: Record<string, string> = DEFAULT_TAGS;

  constructor(
    text: string,
    private anchors: Map<string, ComposedAnchor>,
  ) {
    this.s = new Scanner(text);
  }

  private check(a: TokenType, b?: TokenType, c?: TokenType, d?: TokenType): boolean {
    return this.s.check(a, b, c, d);
  }

  private unexpected(context: string, mark: Mark, expected: string, verb = 'found'): never {
    const t = this.s.peekToken();
    return fail(context, mark, `expected ${expected}, but ${verb} '${t.type}'`, t.start);
  }

  composeStream(): YNode | null {
    this.s.getToken(); // stream start
    let doc: YNode | null = null;
    let count = 0;
    if (!this.check('<directive>', '<document start>', '<stream end>')) {
      this.tagHandles = DEFAULT_TAGS;
      doc = this.parseNode(true, false);
      this.documentEnd();
      count = 1;
    }
    for (;;) {
      while (this.check('<document end>')) this.s.getToken();
      if (this.check('<stream end>')) break;
      this.processDirectives();
      if (!this.check('<document start>')) fail(undefined, undefined, `expected '<document start>', but found '${this.s.peekToken().type}'`, this.s.peekToken().start);
      const start = this.s.getToken();
      if (count > 0) fail('expected a single document in the stream', undefined, 'but found another document', start.start);
      doc = this.check('<directive>', '<document start>', '<document end>', '<stream end>') ? this.empty(start.end) : this.parseNode(true, false);
      this.documentEnd();
      count++;
    }
    return doc;
  }

  private documentEnd(): void {
    if (this.check('<document end>')) this.s.getToken();
  }

  private processDirectives(): void {
    const handles: Record<string, string> = {};
    let sawYaml = false;
    while (this.check('<directive>')) {
      const t = this.s.getToken();
      if (t.value === 'YAML') {
        if (sawYaml) fail(undefined, undefined, 'found duplicate YAML directive', t.start);
        sawYaml = true;
      } else if (t.value === 'TAG' && t.directive) {
        const [handle, prefix] = t.directive;
        if (handle in handles) fail(undefined, undefined, `duplicate tag handle '${handle}'`, t.start);
        handles[handle] = prefix;
      }
    }
    this.tagHandles = { ...DEFAULT_TAGS, ...handles };
  }

  private empty(mark: Mark): YScalar {
    return { kind: 'scalar', tag: TAG.null, value: '', style: undefined, line: mark.line + 1, startLine: mark.line + 1 };
  }

  private register(anchor: string | undefined, node: YNode, mark: Mark): void {
    if (anchor === undefined) return;
    node.shared = true;
    this.anchors.set(anchor, { node, mark });
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YNode {
    const s = this.s;
    if (this.check('<alias>')) {
      const t = s.getToken();
      const target = this.anchors.get(t.value!);
      if (!target) fail(undefined, undefined, `found undefined alias '${t.value}'`, t.start);
      return target.node;
    }
    let anchor: string | undefined;
    let tagTuple: Token['tag'];
    let startMark: Mark | undefined;
    let tagMark: Mark | undefined;
    if (this.check('<anchor>')) {
      const t = s.getToken();
      anchor = t.value;
      startMark = t.start;
      if (this.check('<tag>')) {
        const tt = s.getToken();
        tagMark = tt.start;
        tagTuple = tt.tag;
      }
    } else if (this.check('<tag>')) {
      const t = s.getToken();
      startMark = tagMark = t.start;
      tagTuple = t.tag;
      if (this.check('<anchor>')) anchor = s.getToken().value;
    }
    let tag: string | undefined;
    if (tagTuple) {
      const [handle, suffix] = tagTuple;
      if (handle !== undefined) {
        const prefix = this.tagHandles[handle];
        if (prefix === undefined) fail('while parsing a node', startMark, `found undefined tag handle '${handle}'`, tagMark);
        tag = prefix + suffix;
      } else tag = suffix;
    }
    const start = startMark ?? s.peekToken().start;
    if (anchor !== undefined) {
      const first = this.anchors.get(anchor);
      if (first) fail(`found duplicate anchor '${anchor}'; first occurrence`, first.mark, 'second occurrence', start);
    }
    const implicit = tag === undefined || tag === '!';

    if (indentlessSequence && this.check('-')) {
      const node: YSeq = { kind: 'seq', items: [], tag: implicit ? TAG.seq : tag!, line: s.peekToken().start.line + 1, startLine: start.line + 1 };
      this.register(anchor, node, start);
      while (this.check('-')) {
        const t = s.getToken();
        node.items.push(this.check('-', '?', ':', '<block end>') ? this.empty(t.end) : this.parseNode(true, false));
      }
      return node;
    }
    if (this.check('<scalar>')) {
      const t = s.getToken();
      const resolvable = (t.plain === true && tag === undefined) || tag === '!';
      const resolved = resolvable ? resolvePlainTag(t.value!) : (tag ?? TAG.str);
      const node: YScalar = { kind: 'scalar', value: t.value!, style: t.plain ? undefined : t.style, tag: resolved, line: t.start.line + 1, startLine: start.line + 1 };
      this.register(anchor, node, start);
      return node;
    }
    if (this.check('[', '{') || (block && this.check('<block sequence start>', '<block mapping start>'))) {
      const t = s.getToken();
      const isSeq = t.type === '[' || t.type === '<block sequence start>';
      if (isSeq) {
        const node: YSeq = { kind: 'seq', items: [], tag: implicit ? TAG.seq : tag!, line: t.start.line + 1, startLine: start.line + 1 };
        this.register(anchor, node, start);
        if (t.type === '[') this.flowSequence(node, t.start);
        else this.blockSequence(node, t.start);
        return node;
      }
      const node: YMap = { kind: 'map', pairs: [], tag: implicit ? TAG.map : tag!, line: t.start.line + 1, startLine: start.line + 1 };
      this.register(anchor, node, start);
      if (t.type === '{') this.flowMapping(node, t.start);
      else this.blockMapping(node, t.start);
      // A merge key elsewhere may build this mapping's values again: they must come out the same.
      if (anchor !== undefined) for (const pair of node.pairs) pair[1].shared = true;
      return node;
    }
    if (anchor !== undefined || tag !== undefined) {
      // Empty scalars are allowed even if a tag or an anchor is specified.
      const node: YScalar = { kind: 'scalar', value: '', style: undefined, tag: implicit ? resolvePlainTag('') : tag!, line: start.line + 1, startLine: start.line + 1 };
      this.register(anchor, node, start);
      return node;
    }
    return this.unexpected(`while parsing a ${block ? 'block' : 'flow'} node`, start, 'the node content');
  }

  private blockSequence(node: YSeq, startMark: Mark): void {
    const s = this.s;
    while (this.check('-')) {
      const t = s.getToken();
      node.items.push(this.check('-', '<block end>') ? this.empty(t.end) : this.parseNode(true, false));
    }
    if (!this.check('<block end>')) this.unexpected('while parsing a block collection', startMark, '<block end>');
    s.getToken();
  }

  /** KEY? node? (VALUE node?)? of a block mapping entry, the KEY token already taken. */
  private blockPair(keyToken: Token): [YNode, YNode] {
    const s = this.s;
    const key = this.check('?', ':', '<block end>') ? this.empty(keyToken.end) : this.parseNode(true, true);
    if (!this.check(':')) return [key, this.empty(s.peekToken().start)];
    const vt = s.getToken();
    return [key, this.check('?', ':', '<block end>') ? this.empty(vt.end) : this.parseNode(true, true)];
  }

  private blockMapping(node: YMap, startMark: Mark): void {
    const s = this.s;
    while (this.check('?')) node.pairs.push(this.blockPair(s.getToken()));
    if (!this.check('<block end>')) this.unexpected('while parsing a block mapping', startMark, '<block end>');
    s.getToken();
  }

  /** KEY node? (VALUE node?)? inside a flow collection, the KEY token already taken. */
  private flowPair(keyToken: Token, end: TokenType): [YNode, YNode] {
    const s = this.s;
    const key = this.check(':', ',', end) ? this.empty(keyToken.end) : this.parseNode(false, false);
    if (!this.check(':')) return [key, this.empty(s.peekToken().start)];
    const vt = s.getToken();
    return [key, this.check(',', end) ? this.empty(vt.end) : this.parseNode(false, false)];
  }

  private flowSequence(node: YSeq, startMark: Mark): void {
    const s = this.s;
    let first = true;
    while (!this.check(']')) {
      if (!first) {
        if (this.check(',')) s.getToken();
        else this.unexpected('while parsing a flow sequence', startMark, "',' or ']'", 'got');
      }
      first = false;
      if (this.check('?')) {
        const kt = s.getToken();
        const pairMap: YMap = { kind: 'map', tag: TAG.map, pairs: [], line: kt.start.line + 1, startLine: kt.start.line + 1 };
        pairMap.pairs.push(this.flowPair(kt, ']'));
        node.items.push(pairMap);
      } else if (!this.check(']')) node.items.push(this.parseNode(false, false));
    }
    s.getToken();
  }

  private flowMapping(node: YMap, startMark: Mark): void {
    const s = this.s;
    let first = true;
    while (!this.check('}')) {
      if (!first) {
        if (this.check(',')) s.getToken();
        else this.unexpected('while parsing a flow mapping', startMark, "',' or '}'", 'got');
      }
      first = false;
      if (this.check('?')) node.pairs.push(this.flowPair(s.getToken(), '}'));
      else if (!this.check('}')) {
        const key = this.parseNode(false, false);
        node.pairs.push([key, this.empty(s.peekToken().start)]);
      }
    }
    s.getToken();
  }
}
