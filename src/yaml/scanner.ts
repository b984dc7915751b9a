/**
 * A port of PyYAML 6.0's scanner.py (token stream, simple keys, indentation). Scalar scanning is
 * in scan-scalars.ts. Messages and marks follow PyYAML so that errors read the same.
 */
import { BLANK_OR_BREAK_Z, BREAK_Z, isAlnum, isBlankOrBreakZ, pyRepr, Reader, YamlSyntaxError, type Mark } from './reader.js';
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

const URI_CHARS = "-;/?:@&=+$,_.!~*'()[]%";

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

  constructor(text: string) {
    this.r = new Reader(text);
    const m = this.r.mark();
    this.tokens.push({ type: '<stream start>', start: m, end: m });
  }

  /** True if the next token is of one of the given types (fixed arity: no allocation). */
  check(a: TokenType, b?: TokenType, c?: TokenType, d?: TokenType): boolean {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    const t = this.tokens[0]!.type;
    return t === a || t === b || t === c || t === d;
  }

  peekToken(): Token {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    return this.tokens[0]!;
  }

  getToken(): Token {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    this.tokensTaken++;
    return this.tokens.shift()!;
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
    this.tokens.push(this.scanDirective());
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
    const r = this.r;
    const start = r.mark();
    const name = type === '<alias>' ? 'alias' : 'anchor';
    r.forward();
    let length = 0;
    while (isAlnum(r.peek(length))) length++;
    if (length === 0) {
      this.error(`while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
    }
    const value = r.prefix(length);
    r.forward(length);
    if (!'\0 \t\r\n\x85\u2028\u2029?:,]}%@`'.includes(r.peek())) {
      this.error(`while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
    }
    this.tokens.push({ type, start, end: r.mark(), value });
  }

  private fetchTag(): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    const r = this.r;
    const start = r.mark();
    let handle: string | undefined;
    let suffix: string;
    const ch = r.peek(1);
    if (ch === '<') {
      r.forward(2);
      suffix = this.scanTagUri('tag', start);
      if (r.peek() !== '>') this.error('while parsing a tag', start, `expected '>', but found ${pyRepr(r.peek())}`);
      r.forward();
    } else if (BLANK_OR_BREAK_Z.includes(ch)) {
      suffix = '!';
      r.forward();
    } else {
      let length = 1;
      let useHandle = false;
      let c = ch;
      while (!'\0 \r\n\x85\u2028\u2029'.includes(c)) {
        if (c === '!') {
          useHandle = true;
          break;
        }
        length++;
        c = r.peek(length);
      }
      if (useHandle) handle = this.scanTagHandle('tag', start);
      else {
        handle = '!';
        r.forward();
      }
      suffix = this.scanTagUri('tag', start);
    }
    if (!'\0 \r\n\x85\u2028\u2029'.includes(r.peek())) {
      this.error('while scanning a tag', start, `expected ' ', but found ${pyRepr(r.peek())}`);
    }
    this.tokens.push({ type: '<tag>', start, end: r.mark(), tag: [handle, suffix] });
  }

  scanTagHandle(name: string, start: Mark): string {
    const r = this.r;
    if (r.peek() !== '!') this.error(`while scanning a ${name}`, start, `expected '!', but found ${pyRepr(r.peek())}`);
    let length = 1;
    if (r.peek(length) !== ' ') {
      while (isAlnum(r.peek(length))) length++;
      if (r.peek(length) !== '!') {
        r.forward(length);
        this.error(`while scanning a ${name}`, start, `expected '!', but found ${pyRepr(r.peek())}`);
      }
      length++;
    }
    const value = r.prefix(length);
    r.forward(length);
    return value;
  }

  scanTagUri(name: string, start: Mark): string {
    const r = this.r;
    let out = '';
    let length = 0;
    let ch = r.peek(length);
    while ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || URI_CHARS.includes(ch)) {
      if (ch === '%') {
        out += r.prefix(length);
        r.forward(length);
        length = 0;
        out += this.scanUriEscapes(name, start);
      } else length++;
      ch = r.peek(length);
    }
    if (length > 0) {
      out += r.prefix(length);
      r.forward(length);
    }
    if (out === '') this.error(`while parsing a ${name}`, start, `expected URI, but found ${pyRepr(ch)}`);
    return out;
  }

  private scanUriEscapes(name: string, start: Mark): string {
    const r = this.r;
    const bytes: number[] = [];
    while (r.peek() === '%') {
      r.forward();
      const hex = r.prefix(2);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        this.error(`while scanning a ${name}`, start, `expected URI escape sequence of 2 hexadecimal numbers, but found ${pyRepr(r.peek())}`);
      }
      bytes.push(parseInt(hex, 16));
      r.forward(2);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return this.error(`while scanning a ${name}`, start, 'invalid UTF-8 in URI escape');
    }
  }

  private scanDirective(): Token {
    const r = this.r;
    const start = r.mark();
    r.forward();
    let length = 0;
    while (isAlnum(r.peek(length))) length++;
    if (length === 0) this.error('while scanning a directive', start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
    const name = r.prefix(length);
    r.forward(length);
    const token: Token = { type: '<directive>', start, end: start, value: name };
    if (name === 'TAG') {
      while (r.peek() === ' ') r.forward();
      const handle = this.scanTagHandle('directive', start);
      if (r.peek() !== ' ') this.error('while scanning a directive', start, `expected ' ', but found ${pyRepr(r.peek())}`);
      while (r.peek() === ' ') r.forward();
      const prefix = this.scanTagUri('directive', start);
      token.directive = [handle, prefix];
    } else {
      // %YAML and reserved directives: PyYAML checks %YAML's version; the value is not needed here.
      while (!BREAK_Z.includes(r.peek())) {
        if (r.peek() === '#') break;
        r.forward();
      }
    }
    while (r.peek() === ' ') r.forward();
    if (r.peek() === '#') while (!BREAK_Z.includes(r.peek())) r.forward();
    if (!BREAK_Z.includes(r.peek())) {
      this.error('while scanning a directive', start, `expected a comment or a line break, but found ${pyRepr(r.peek())}`);
    }
    scanLineBreak(r);
    token.end = r.mark();
    return token;
  }

  private scanToNextToken(): void {
    const r = this.r;
    if (r.index === 0 && r.peek() === '\uFEFF') r.forward();
    for (;;) {
      while (r.peek() === ' ') r.forward();
      if (r.peek() === '#') while (!BREAK_Z.includes(r.peek())) r.forward();
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
