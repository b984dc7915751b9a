/**
 * Scalar scanning of PyYAML 6.0's scanner.py: plain, single/double-quoted and block scalars.
 */
import { BLANK_OR_BREAK_Z, BREAKS, BREAK_Z, isBlankOrBreakZ, isBreakZ, isFlowScalarStop, pyRepr, Reader, YamlSyntaxError, type Mark } from './reader.js';
import type { Token } from './scanner.js';

function fail(context: string, contextMark: Mark, problem: string, r: Reader): never {
  throw new YamlSyntaxError(context, contextMark, problem, r.mark());
}

/** scan_line_break: '\r\n', '\r', '\n', '\x85' give '\n'; '\u2028', '\u2029' themselves; else ''. */
export function scanLineBreak(r: Reader): string {
  const ch = r.peek();
  if (ch === '\r' || ch === '\n' || ch === '\x85') {
    r.forward(r.prefix(2) === '\r\n' ? 2 : 1);
    return '\n';
  }
  if (ch === '\u2028' || ch === '\u2029') {
    r.forward();
    return ch;
  }
  return '';
}

function isDocumentSeparator(r: Reader): boolean {
  const p = r.prefix(3);
  return (p === '---' || p === '...') && BLANK_OR_BREAK_Z.includes(r.peek(3));
}

// ---- block scalars ----

export function scanBlockScalar(r: Reader, style: '|' | '>', currentIndent: number): Token {
  const folded = style === '>';
  const chunks: string[] = [];
  const start = r.mark();
  r.forward();
  const [chomping, increment] = scanBlockScalarIndicators(r, start);
  // scan_block_scalar_ignored_line
  r.skipSpaces();
  if (r.peek() === '#') r.forwardInLine(r.runLength(isBreakZ));
  if (!BREAK_Z.includes(r.peek())) {
    fail('while scanning a block scalar', start, `expected a comment or a line break, but found ${pyRepr(r.peek())}`, r);
  }
  scanLineBreak(r);
  const minIndent = Math.max(currentIndent + 1, 1);
  let indent: number;
  let breaks: string[];
  let end: Mark;
  if (increment === undefined) {
    const ind = scanBlockScalarIndentation(r);
    breaks = ind.breaks;
    end = ind.end;
    indent = Math.max(minIndent, ind.maxIndent);
  } else {
    indent = minIndent + increment - 1;
    ({ breaks, end } = scanBlockScalarBreaks(r, indent));
  }
  let lineBreak = '';
  while (r.column === indent && r.peek() !== '\0') {
    chunks.push(...breaks);
    const leadingNonSpace = !' \t'.includes(r.peek());
    const length = r.runLength(isBreakZ);
    chunks.push(r.prefix(length));
    r.forwardInLine(length);
    lineBreak = scanLineBreak(r);
    ({ breaks, end } = scanBlockScalarBreaks(r, indent));
    if (r.column === indent && r.peek() !== '\0') {
      if (folded && lineBreak === '\n' && leadingNonSpace && !' \t'.includes(r.peek())) {
        if (breaks.length === 0) chunks.push(' ');
      } else chunks.push(lineBreak);
    } else break;
  }
  if (chomping !== false) chunks.push(lineBreak);
  if (chomping === true) chunks.push(...breaks);
  return { type: '<scalar>', start, end, value: chunks.join(''), plain: false, style };
}

function scanBlockScalarIndicators(r: Reader, start: Mark): [boolean | undefined, number | undefined] {
  let chomping: boolean | undefined;
  let increment: number | undefined;
  const digit = (): number => {
    const n = Number(r.peek());
    if (n === 0) fail('while scanning a block scalar', start, 'expected indentation indicator in the range 1-9, but found 0', r);
    r.forward();
    return n;
  };
  let ch = r.peek();
  if (ch === '+' || ch === '-') {
    chomping = ch === '+';
    r.forward();
    if (/[0-9]/.test(r.peek())) increment = digit();
  } else if (/[0-9]/.test(ch)) {
    increment = digit();
    ch = r.peek();
    if (ch === '+' || ch === '-') {
      chomping = ch === '+';
      r.forward();
    }
  }
  if (!'\0 \r\n\x85\u2028\u2029'.includes(r.peek())) {
    fail('while scanning a block scalar', start, `expected chomping or indentation indicators, but found ${pyRepr(r.peek())}`, r);
  }
  return [chomping, increment];
}

function scanBlockScalarIndentation(r: Reader): { breaks: string[]; maxIndent: number; end: Mark } {
  const breaks: string[] = [];
  let maxIndent = 0;
  let end = r.mark();
  while (' \r\n\x85\u2028\u2029'.includes(r.peek()) && r.peek() !== '\0') {
    if (r.peek() !== ' ') {
      breaks.push(scanLineBreak(r));
      end = r.mark();
    } else {
      r.forward();
      if (r.column > maxIndent) maxIndent = r.column;
    }
  }
  return { breaks, maxIndent, end };
}

function scanBlockScalarBreaks(r: Reader, indent: number): { breaks: string[]; end: Mark } {
  const breaks: string[] = [];
  let end = r.mark();
  r.skipSpaces(indent - r.column);
  while (BREAKS.includes(r.peek()) && r.peek() !== '\0') {
    breaks.push(scanLineBreak(r));
    end = r.mark();
    r.skipSpaces(indent - r.column);
  }
  return { breaks, end };
}

// ---- flow (quoted) scalars ----

const ESCAPE_REPLACEMENTS: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\x08',
  t: '\x09',
  '\t': '\x09',
  n: '\x0A',
  v: '\x0B',
  f: '\x0C',
  r: '\x0D',
  e: '\x1B',
  ' ': '\x20',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
};
const ESCAPE_CODES: Record<string, number> = { x: 2, u: 4, U: 8 };

export function scanFlowScalar(r: Reader, quote: string): Token {
  const double = quote === '"';
  const start = r.mark();
  const chunks: string[] = [];
  r.forward();
  scanFlowScalarNonSpaces(r, double, start, chunks);
  while (r.peek() !== quote) {
    scanFlowScalarSpaces(r, double, start, chunks);
    scanFlowScalarNonSpaces(r, double, start, chunks);
  }
  r.forward();
  return { type: '<scalar>', start, end: r.mark(), value: chunks.join(''), plain: false, style: quote };
}

function scanFlowScalarNonSpaces(r: Reader, double: boolean, start: Mark, chunks: string[]): void {
  for (;;) {
    const length = r.runLength(isFlowScalarStop);
    if (length > 0) {
      chunks.push(r.prefix(length));
      r.forwardInLine(length);
    }
    const ch = r.peek();
    if (!double && ch === "'" && r.peek(1) === "'") {
      chunks.push("'");
      r.forward(2);
    } else if ((double && ch === "'") || (!double && (ch === '"' || ch === '\\'))) {
      chunks.push(ch);
      r.forward();
    } else if (double && ch === '\\') {
      r.forward();
      const e = r.peek();
      if (e in ESCAPE_REPLACEMENTS) {
        chunks.push(ESCAPE_REPLACEMENTS[e]!);
        r.forward();
      } else if (e in ESCAPE_CODES) {
        const n = ESCAPE_CODES[e]!;
        r.forward();
        for (let k = 0; k < n; k++) {
          if (!/[0-9A-Fa-f]/.test(r.peek(k))) {
            fail(
              'while scanning a double-quoted scalar',
              start,
              `expected escape sequence of ${n} hexdecimal numbers, but found ${pyRepr(r.peek(k))}`,
              r,
            );
          }
        }
        const code = parseInt(r.prefix(n), 16);
        if (code > 0x10ffff) fail('while scanning a double-quoted scalar', start, 'chr() arg not in range(0x110000)', r);
        chunks.push(String.fromCodePoint(code));
        r.forward(n);
      } else if (BREAKS.includes(e) && e !== '\0') {
        scanLineBreak(r);
        chunks.push(...scanFlowScalarBreaks(r, start));
      } else fail('while scanning a double-quoted scalar', start, `found unknown escape character ${pyRepr(e)}`, r);
    } else return;
  }
}

function scanFlowScalarSpaces(r: Reader, double: boolean, start: Mark, chunks: string[]): void {
  let length = 0;
  while (r.peek(length) === ' ' || r.peek(length) === '\t') length++;
  const whitespaces = r.prefix(length);
  r.forwardInLine(length);
  const ch = r.peek();
  if (ch === '\0') fail('while scanning a quoted scalar', start, 'found unexpected end of stream', r);
  if (BREAKS.includes(ch)) {
    const lineBreak = scanLineBreak(r);
    const breaks = scanFlowScalarBreaks(r, start);
    if (lineBreak !== '\n') chunks.push(lineBreak);
    else if (breaks.length === 0) chunks.push(' ');
    chunks.push(...breaks);
  } else chunks.push(whitespaces);
  void double;
}

function scanFlowScalarBreaks(r: Reader, start: Mark): string[] {
  const chunks: string[] = [];
  for (;;) {
    if (isDocumentSeparator(r)) fail('while scanning a quoted scalar', start, 'found unexpected document separator', r);
    while (r.peek() === ' ' || r.peek() === '\t') r.forward();
    if (BREAKS.includes(r.peek()) && r.peek() !== '\0') chunks.push(scanLineBreak(r));
    else return chunks;
  }
}

// ---- plain scalars ----

/** scan_plain; `allow` is the scanner's allow_simple_key afterwards when scan_plain changed it. */
export function scanPlain(r: Reader, currentIndent: number, flowLevel: number): { token: Token; allow: boolean | undefined } {
  const chunks: string[] = [];
  const start = r.mark();
  let end = start;
  const indent = currentIndent + 1;
  let spaces: string[] = [];
  let allow: boolean | undefined;
  const inFlow = flowLevel > 0;
  for (;;) {
    let length = 0;
    if (r.peek() === '#') break;
    const text = r.text;
    const base = r.index;
    for (;;) {
      const ch = text[base + length] ?? '\0';
      if (isBlankOrBreakZ(ch)) break;
      if (ch === ':') {
        const next = text[base + length + 1] ?? '\0';
        if (isBlankOrBreakZ(next) || (inFlow && ',[]{}'.includes(next))) break;
      } else if (inFlow && ',?[]{}'.includes(ch)) break;
      length++;
    }
    if (length === 0) break;
    allow = false;
    chunks.push(...spaces);
    chunks.push(r.prefix(length));
    r.forwardInLine(length);
    end = r.mark();
    const sp = scanPlainSpaces(r);
    spaces = sp.chunks;
    if (sp.sawBreak) allow = true;
    if (spaces.length === 0 || r.peek() === '#' || (flowLevel === 0 && r.column < indent)) break;
  }
  return { token: { type: '<scalar>', start, end, value: chunks.join(''), plain: true }, allow };
}

function scanPlainSpaces(r: Reader): { chunks: string[]; sawBreak: boolean } {
  const chunks: string[] = [];
  let length = 0;
  while (r.peek(length) === ' ') length++;
  const whitespaces = r.prefix(length);
  r.forwardInLine(length);
  const ch = r.peek();
  if (BREAKS.includes(ch) && ch !== '\0') {
    const lineBreak = scanLineBreak(r);
    if (isDocumentSeparator(r)) return { chunks: [], sawBreak: true };
    const breaks: string[] = [];
    while (' \r\n\x85\u2028\u2029'.includes(r.peek()) && r.peek() !== '\0') {
      if (r.peek() === ' ') r.forward();
      else {
        breaks.push(scanLineBreak(r));
        if (isDocumentSeparator(r)) return { chunks: [], sawBreak: true };
      }
    }
    if (lineBreak !== '\n') chunks.push(lineBreak);
    else if (breaks.length === 0) chunks.push(' ');
    chunks.push(...breaks);
    return { chunks, sawBreak: true };
  }
  if (whitespaces) chunks.push(whitespaces);
  return { chunks, sawBreak: false };
}
