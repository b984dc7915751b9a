/**
 * Anchors, aliases, tags and directives of PyYAML 6.0's scanner.py.
 */
import { BLANK_OR_BREAK_Z, BREAK_Z, isAlnum, pyRepr, Reader, YamlSyntaxError, type Mark } from './reader.js';
import { scanLineBreak } from './scan-scalars.js';
import type { Token } from './scanner.js';

const URI_CHARS = "-;/?:@&=+$,_.!~*'()[]%";

function fail(r: Reader, context: string | undefined, contextMark: Mark | undefined, problem: string): never {
  throw new YamlSyntaxError(context, contextMark, problem, r.mark());
}

export function scanAnchor(r: Reader, type: '<alias>' | '<anchor>'): Token {
  const start = r.mark();
  const name = type === '<alias>' ? 'alias' : 'anchor';
  r.forward();
  let length = 0;
  while (isAlnum(r.peek(length))) length++;
  if (length === 0) {
    fail(r, `while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
  }
  const value = r.prefix(length);
  r.forward(length);
  if (!'\0 \t\r\n\x85\u2028\u2029?:,]}%@`'.includes(r.peek())) {
    fail(r, `while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
  }
  return { type, start, end: r.mark(), value };
}

export function scanTag(r: Reader): Token {
  const start = r.mark();
  let handle: string | undefined;
  let suffix: string;
  const ch = r.peek(1);
  if (ch === '<') {
    r.forward(2);
    suffix = scanTagUri(r, 'tag', start);
    if (r.peek() !== '>') fail(r, 'while parsing a tag', start, `expected '>', but found ${pyRepr(r.peek())}`);
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
    if (useHandle) handle = scanTagHandle(r, 'tag', start);
    else {
      handle = '!';
      r.forward();
    }
    suffix = scanTagUri(r, 'tag', start);
  }
  if (!'\0 \r\n\x85\u2028\u2029'.includes(r.peek())) {
    fail(r, 'while scanning a tag', start, `expected ' ', but found ${pyRepr(r.peek())}`);
  }
  return { type: '<tag>', start, end: r.mark(), tag: [handle, suffix] };
}

function scanTagHandle(r: Reader, name: string, start: Mark): string {
  if (r.peek() !== '!') fail(r, `while scanning a ${name}`, start, `expected '!', but found ${pyRepr(r.peek())}`);
  let length = 1;
  if (r.peek(length) !== ' ') {
    while (isAlnum(r.peek(length))) length++;
    if (r.peek(length) !== '!') {
      r.forward(length);
      fail(r, `while scanning a ${name}`, start, `expected '!', but found ${pyRepr(r.peek())}`);
    }
    length++;
  }
  const value = r.prefix(length);
  r.forward(length);
  return value;
}

function scanTagUri(r: Reader, name: string, start: Mark): string {
  let out = '';
  let length = 0;
  let ch = r.peek(length);
  while ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || URI_CHARS.includes(ch)) {
    if (ch === '%') {
      out += r.prefix(length);
      r.forward(length);
      length = 0;
      out += scanUriEscapes(r, name, start);
    } else length++;
    ch = r.peek(length);
  }
  if (length > 0) {
    out += r.prefix(length);
    r.forward(length);
  }
  if (out === '') fail(r, `while parsing a ${name}`, start, `expected URI, but found ${pyRepr(ch)}`);
  return out;
}

function scanUriEscapes(r: Reader, name: string, start: Mark): string {
  const bytes: number[] = [];
  while (r.peek() === '%') {
    r.forward();
    const hex = r.prefix(2);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      fail(r, `while scanning a ${name}`, start, `expected URI escape sequence of 2 hexadecimal numbers, but found ${pyRepr(r.peek())}`);
    }
    bytes.push(parseInt(hex, 16));
    r.forward(2);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return fail(r, `while scanning a ${name}`, start, 'invalid UTF-8 in URI escape');
  }
}

export function scanDirective(r: Reader): Token {
  const start = r.mark();
  r.forward();
  let length = 0;
  while (isAlnum(r.peek(length))) length++;
  if (length === 0) fail(r, 'while scanning a directive', start, `expected alphabetic or numeric character, but found ${pyRepr(r.peek())}`);
  const name = r.prefix(length);
  r.forward(length);
  const token: Token = { type: '<directive>', start, end: start, value: name };
  if (name === 'TAG') {
    while (r.peek() === ' ') r.forward();
    const handle = scanTagHandle(r, 'directive', start);
    if (r.peek() !== ' ') fail(r, 'while scanning a directive', start, `expected ' ', but found ${pyRepr(r.peek())}`);
    while (r.peek() === ' ') r.forward();
    const prefix = scanTagUri(r, 'directive', start);
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
    fail(r, 'while scanning a directive', start, `expected a comment or a line break, but found ${pyRepr(r.peek())}`);
  }
  scanLineBreak(r);
  token.end = r.mark();
  return token;
}
