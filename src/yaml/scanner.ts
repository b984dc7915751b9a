/**
 * A port of PyYAML 6.0's scanner.py (token stream, simple keys, indentation). Scalar scanning is
 * in scan-scalars.ts. Messages and marks follow PyYAML so that errors read the same.
 */
import { BLANK_OR_BREAK_Z, isBlankOrBreakZ, isBreakZ, pyRepr, Reader, YamlSyntaxError, type Mark } from './reader.js';
import { scanAnchor, scanDirective, scanTag } from './scan-props.js';
import { scanBlockScalar, scanFlowScalar, scanLineBreak, scanPlain } from './scan-scalars.js';

export type TokenType =
  | '<stream start>'
  | '<stream end>'
  | '<directive>'
  | '<document start>'
  | '<document end>'
  | '<block sequence start>'
  | '<block mapping start>'
  | '<block end>'
  | '['
  | '{'
  | ']'
  | '}'
  | '?'
  | ':'
  | '-'
  | ','
  | '<alias>'
  | '<anchor>'
  | '<tag>'
  | '<scalar>';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** alias/anchor name, scalar value, directive name */
  value?: string;
  /** tags: [handle or undefined, suffix] */
  tag?: [string | undefined, string];
  plain?: boolean;
  style?: string;
  /** %TAG directive: [handle, prefix] */
  directive?: [string, string];
}

interface SimpleKey {
  tokenNumber: number;
  required: boolean;
  index: number;
  line: number;
  column: number;
  mark: Mark;
}

export class Scanner {
  readonly r: Reader;
  done = false;
  flowLevel = 0;
  private tokens: Token[] = [];
  private tokensTaken = 0;
  indent = -1;
  private indents: number[] = [];
  allowSimpleKey = true;
  private possibleSimpleKeys = new Map<number, SimpleKey>();
  /** the first queued token is final (see fill) */
  private ready = false;

  constructor(text: string) {
    this.r = new Reader(text);
    const m = this.r.mark();
    this.tokens.push({ type: '<stream start>', start: m, end: m });
  }

  /** True if the next token is of one of the given types (fixed arity: no allocation). */
  check(a: TokenType, b?: TokenType, c?: TokenType, d?: TokenType): boolean {
    if (!this.ready) this.fill();
    const t = this.tokens[0]!.type;
    return t === a || t === b || t === c || t === d;
  }

  peekToken(): Token {
    if (!this.ready) this.fill();
    return this.tokens[0]!;
  }

  getToken(): Token {
    if (!this.ready) this.fill();
    this.ready = false;
    this.tokensTaken++;
    return this.tokens.shift()!;
  }

  /**
   * Fetches until the first queued token is final. needMoreTokens() only changes when a token is
   * taken (the reader does not move in between), so the answer holds until the next getToken().
   */
  private fill(): void {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    this.ready = true;
  }

  private needMoreTokens(): boolean {
    if (this.done) return false;
    if (this.tokens.length === 0) return true;
    if (this.possibleSimpleKeys.size === 0) return false;
    this.staleKeys();
    // next_possible_simple_key() == tokens_taken: the first queued token may still become a key.
    for (const key of this.possibleSimpleKeys.values()) if (key.tokenNumber === this.tokensTaken) return true;
    return false;
  }

  private error(context: string | undefined, contextMark: Mark | undefined, problem: string): never {
    throw new YamlSyntaxError(context, contextMark, problem, this.r.mark());
  }

  private fetchMoreTokens(): void {
    const r = this.r;
    this.scanToNextToken();
    this.staleKeys();
    this.unwindIndent(r.column);
    const ch = r.peek();
    if (ch === '\0') return this.fetchStreamEnd();
    if (ch === '%' && r.column === 0) return this.fetchDirective();
    if (ch === '-' && this.checkDocumentIndicator('---')) return this.fetchDocumentIndicator('<document start>');
    if (ch === '.' && this.checkDocumentIndicator('...')) return this.fetchDocumentIndicator('<document end>');
    if (ch === '[') return this.fetchFlowCollectionStart('[');
    if (ch === '{') return this.fetchFlowCollectionStart('{');
    if (ch === ']') return this.fetchFlowCollectionEnd(']');
    if (ch === '}') return this.fetchFlowCollectionEnd('}');
    if (ch === ',') return this.fetchFlowEntry();
    const nextBlank = isBlankOrBreakZ(r.peek(1));
    if (ch === '-' && nextBlank) return this.fetchBlockEntry();
    if (ch === '?' && (this.flowLevel > 0 || nextBlank)) return this.fetchKey();
    if (ch === ':' && (this.flowLevel > 0 || nextBlank)) return this.fetchValue();
    if (ch === '*') return this.fetchAnchor('<alias>');
    if (ch === '&') return this.fetchAnchor('<anchor>');
    if (ch === '!') return this.fetchTag();
    if (ch === '|' && this.flowLevel === 0) return this.fetchBlockScalar('|');
    if (ch === '>' && this.flowLevel === 0) return this.fetchBlockScalar('>');
    if (ch === "'" || ch === '"') return this.fetchFlowScalar(ch);
    if (this.checkPlain()) return this.fetchPlain();
    this.error('while scanning for the next token', r.mark(), `found character ${pyRepr(ch)} that cannot start any token`);
  }

  private staleKeys(): void {
    if (this.possibleSimpleKeys.size === 0) return;
    for (const [level, key] of this.possibleSimpleKeys) {
      if (key.line !== this.r.line || this.r.index - key.index > 1024) {
        if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
        this.possibleSimpleKeys.delete(level);
      }
    }
  }

  private savePossibleSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.r.column;
    if (!this.allowSimpleKey) return;
    this.removePossibleSimpleKey();
    const r = this.r;
    this.possibleSimpleKeys.set(this.flowLevel, {
      tokenNumber: this.tokensTaken + this.tokens.length,
      required,
      index: r.index,
      line: r.line,
      column: r.column,
      mark: r.mark(),
    });
  }

  private removePossibleSimpleKey(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (!key) return;
    if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
    this.possibleSimpleKeys.delete(this.flowLevel);
  }

  private unwindIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.r.mark();
      this.indent = this.indents.pop()!;
      this.tokens.push({ type: '<block end>', start: m, end: m });
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent >= column) return false;
    this.indents.push(this.indent);
    this.indent = column;
    return true;
  }

  /** Pushes a token of `length` characters at the current position. */
  private simple(type: TokenType, length = 1): void {
    const start = this.r.mark();
    this.r.forward(length);
    this.tokens.push({ type, start, end: this.r.mark() });
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.possibleSimpleKeys.clear();
    const m = this.r.mark();
    this.tokens.push({ type: '<stream end>', start: m, end: m });
    this.done = true;
  }

  private fetchDirective(): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(scanDirective(this.r));
  }

  private checkDocumentIndicator(text: string): boolean {
    return this.r.column === 0 && this.r.prefix(3) === text && BLANK_OR_BREAK_Z.includes(this.r.peek(3));
  }

  private fetchDocumentIndicator(type: '<document start>' | '<document end>'): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.simple(type, 3);
  }

  private fetchFlowCollectionStart(type: '[' | '{'): void {
    this.savePossibleSimpleKey();
    this.flowLevel++;
    this.allowSimpleKey = true;
    this.simple(type);
  }

  private fetchFlowCollectionEnd(type: ']' | '}'): void {
    this.removePossibleSimpleKey();
    this.flowLevel = Math.max(0, this.flowLevel - 1);
    this.allowSimpleKey = false;
    this.simple(type);
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    this.simple(',');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) this.error(undefined, undefined, 'sequence entries are not allowed here');
      if (this.addIndent(this.r.column)) {
        const m = this.r.mark();
        this.tokens.push({ type: '<block sequence start>', start: m, end: m });
      }
    }
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    this.simple('-');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) this.error(undefined, undefined, 'mapping keys are not allowed here');
      if (this.addIndent(this.r.column)) {
        const m = this.r.mark();
        this.tokens.push({ type: '<block mapping start>', start: m, end: m });
      }
    }
    this.allowSimpleKey = this.flowLevel === 0;
    this.removePossibleSimpleKey();
    this.simple('?');
  }

  private fetchValue(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (key) {
      this.possibleSimpleKeys.delete(this.flowLevel);
      const at = key.tokenNumber - this.tokensTaken;
      this.tokens.splice(at, 0, { type: '?', start: key.mark, end: key.mark });
      if (this.flowLevel === 0 && this.addIndent(key.column)) {
        this.tokens.splice(at, 0, { type: '<block mapping start>', start: key.mark, end: key.mark });
      }
      this.allowSimpleKey = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.allowSimpleKey) this.error(undefined, undefined, 'mapping values are not allowed here');
        if (this.addIndent(this.r.column)) {
          const m = this.r.mark();
          this.tokens.push({ type: '<block mapping start>', start: m, end: m });
        }
      }
      this.allowSimpleKey = this.flowLevel === 0;
      this.removePossibleSimpleKey();
    }
    this.simple(':');
  }

  private fetchAnchor(type: '<alias>' | '<anchor>'): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(scanAnchor(this.r, type));
  }

  private fetchTag(): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(scanTag(this.r));
  }

  private scanToNextToken(): void {
    const r = this.r;
    if (r.index === 0 && r.peek() === '\uFEFF') r.forward();
    for (;;) {
      r.skipSpaces();
      if (r.peek() === '#') r.forwardInLine(r.runLength(isBreakZ));
      if (scanLineBreak(r) === '') return;
      if (this.flowLevel === 0) this.allowSimpleKey = true;
    }
  }

  private checkPlain(): boolean {
    const ch = this.r.peek();
    if (!isBlankOrBreakZ(ch) && !'-?:,[]{}#&*!|>\'"%@`'.includes(ch)) return true;
    return !isBlankOrBreakZ(this.r.peek(1)) && (ch === '-' || (this.flowLevel === 0 && (ch === '?' || ch === ':')));
  }

  private fetchBlockScalar(style: '|' | '>'): void {
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    this.tokens.push(scanBlockScalar(this.r, style, this.indent));
  }

  private fetchFlowScalar(quote: string): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(scanFlowScalar(this.r, quote));
  }

  private fetchPlain(): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    const { token, allow } = scanPlain(this.r, this.indent, this.flowLevel);
    // scan_plain sets allow_simple_key: False after text, True after a line break in trailing spaces.
    if (allow !== undefined) this.allowSimpleKey = allow;
    this.tokens.push(token);
  }
}

export { YamlSyntaxError };
