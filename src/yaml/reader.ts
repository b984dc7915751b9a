/**
 * Character access for the scanner (PyYAML reader.py): peek/prefix/forward with line and column
 * tracking, and the scanner's error type. `\0` stands for the end of the text, as in PyYAML.
 */

export interface Mark {
  index: number;
  /** 0-based, as PyYAML counts */
  line: number;
  column: number;
}

/** A PyYAML MarkedYAMLError: context (optional) and problem, each with a mark. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly context: string | undefined,
    readonly contextMark: Mark | undefined,
    readonly problem: string,
    readonly problemMark: Mark | undefined,
  ) {
    super(context ? `${context}: ${problem}` : problem);
  }
}

export const BREAKS = '\r\n\x85\u2028\u2029';
export const BLANK_OR_BREAK_Z = '\0 \t\r\n\x85\u2028\u2029';
export const BREAK_Z = '\0\r\n\x85\u2028\u2029';
export const SPACE_BREAK_Z = '\0 \r\n\x85\u2028\u2029';

// Printable characters of PyYAML's Reader (it rejects anything else).
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]/;

/** Python repr() of one character, for messages. */
export function pyRepr(ch: string): string {
  if (ch === '\0') return "'\\x00'";
  if (ch === '\t') return "'\\t'";
  if (ch === '\n') return "'\\n'";
  if (ch === '\r') return "'\\r'";
  if (ch === "'") return '"\'"';
  return `'${ch}'`;
}

/** `\0 \t\r\n\x85\u2028\u2029`: end, blank or line break (the scanner's hottest test). */
export function isBlankOrBreakZ(ch: string): boolean {
  switch (ch) {
    case '\0':
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\x85':
    case '\u2028':
    case '\u2029':
      return true;
    default:
      return false;
  }
}

/** `\0\r\n\x85\u2028\u2029`: end or line break. */
export function isBreakZ(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\x85' || ch === '\u2028' || ch === '\u2029' || ch === '\0';
}

/** What ends a run of non-space characters in a quoted scalar. */
export function isFlowScalarStop(ch: string): boolean {
  return ch === "'" || ch === '"' || ch === '\\' || isBlankOrBreakZ(ch);
}

export function isNotSpace(ch: string): boolean {
  return ch !== ' ';
}

export function isAlnum(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '-' || ch === '_';
}

export class Reader {
  index = 0;
  line = 0;
  column = 0;

  constructor(readonly text: string) {
    const bad = NON_PRINTABLE.exec(text);
    if (bad) {
      const before = text.slice(0, bad.index);
      const line = before.split(/\r\n|[\r\n\x85\u2028\u2029]/).length - 1;
      const column = bad.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
      const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
      throw new YamlSyntaxError(undefined, undefined, `unacceptable character #x${code}: special characters are not allowed`, {
        index: bad.index,
        line,
        column,
      });
    }
  }

  peek(offset = 0): string {
    return this.text[this.index + offset] ?? '\0';
  }

  prefix(length = 1): string {
    return this.text.slice(this.index, this.index + length);
  }

  forward(length = 1): void {
    const text = this.text;
    for (let i = 0; i < length; i++) {
      const ch = text[this.index];
      if (ch === undefined) return;
      this.index++;
      if (ch === '\n' || ch === '\x85' || ch === '\u2028' || ch === '\u2029' || (ch === '\r' && text[this.index] !== '\n')) {
        this.line++;
        this.column = 0;
      } else if (ch !== '\uFEFF') this.column++;
    }
  }

  /** forward() over `length` characters known to hold no line break (column arithmetic only). */
  forwardInLine(length: number): void {
    const end = this.index + length;
    let boms = 0;
    for (let i = this.text.indexOf('\uFEFF', this.index); i !== -1 && i < end; i = this.text.indexOf('\uFEFF', i + 1)) boms++;
    this.index = end;
    this.column += length - boms;
  }

  /** Length of the run from the current position up to (excluding) the first character `stop` accepts. */
  runLength(stop: (ch: string) => boolean): number {
    const text = this.text;
    let i = this.index;
    while (i < text.length && !stop(text[i]!)) i++;
    return i - this.index;
  }

  /** Moves over the spaces ahead, at most `max` of them. */
  skipSpaces(max = Infinity): void {
    const n = Math.min(this.runLength(isNotSpace), max);
    if (n > 0) this.forwardInLine(n);
  }

  mark(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }
}
