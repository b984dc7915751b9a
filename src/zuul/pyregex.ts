/**
 * Python 2.7 `re` patterns in JavaScript. Zuul compiles every layout regex with Python; JS differs in a few places,
 * so each pattern is rewritten into an equivalent JS source that never needs the `m`, `s` or `u` flags:
 *
 * - inline flag groups `(?iLmsux)`: Python 2.7 applies them to the whole pattern wherever they appear;
 *   `i` becomes the JS flag, `m`/`s`/`x` change how `^ $ .` and whitespace are rewritten, `L u` are dropped (Python 2
 *   `str` patterns are ASCII, as JS without `u`);
 * - `.` matches anything but `\n` (JS also stops at `\r`, U+2028, U+2029): `[^\n]`, or `[\s\S]` under `s`;
 * - `\s` is ASCII whitespace in Python 2 `str` patterns (JS adds Unicode spaces): `[ \t\n\r\f\v]`;
 * - `$` without `m` also matches before a final `\n`: `(?=\n?$)`; with `m`, `^`/`$` only break lines at `\n`;
 * - `\A` `\Z`, `(?P<n>…)` `(?P=n)`, comments `(?#…)`, `{,n}` (JS reads it as literal text), `[]…]` (a leading `]`
 *   is literal in Python, an empty class in JS), `\a` (bell), and escapes that JS gives a meaning Python does not
 *   (`\c \k \u` are literal letters in Python 2 `str` patterns).
 *
 * Never the `u` flag: Python accepts a literal `{` that does not start a quantifier, and so does JS without it.
 * Python-only constructs JS cannot express (conditionals `(?(1)…)`) are reported, not thrown.
 */

/** A translated pattern. `constructs` names each rewrite that was needed (for reports and tests). */
export interface PyPattern {
  source: string;
  js: string;
  /** JS flags (`i` or empty); `y` is added for `re.match`. */
  flags: string;
  constructs: string[];
}

export type Translation = { ok: true; pattern: PyPattern } | { ok: false; source: string; error: string };

const FLAG_LETTERS = new Set(['i', 'L', 'm', 's', 'u', 'x', 't']);
/** Characters with no special handling outside a class (in verbose mode, whitespace and `#` are special). */
const PLAIN = /[^\\[(){.$^]+/y;
const PLAIN_VERBOSE = /[^\\[(){.$^\s#]+/y;
/** Inside a class only `\` and `]` matter. */
const CLASS_PLAIN = /[^\\\]]+/y;
const PY_SPACE = ' \\t\\n\\r\\f\\v';

/** Python 2.7 flags set by `(?…)` groups anywhere in the pattern (they are global in 2.7). */
function scanInlineFlags(src: string): { flags: Set<string>; leadingOnly: boolean; error?: string } {
  const flags = new Set<string>();
  let leadingOnly = true;
  if (!src.includes('(?')) return { flags, leadingOnly };
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (src[i + 1] === '^') i++;
      if (src[i + 1] === ']') i++;
      continue;
    }
    if (c === '(' && src[i + 1] === '?' && /[a-zA-Z]/.test(src[i + 2] ?? '') && src[i + 2] !== 'P') {
      let j = i + 2;
      while (j < src.length && /[a-zA-Z]/.test(src[j]!)) {
        if (!FLAG_LETTERS.has(src[j]!)) return { flags, leadingOnly, error: `unknown inline flag '${src[j]}'` };
        flags.add(src[j]!);
        j++;
      }
      if (src[j] !== ')') return { flags, leadingOnly, error: 'unterminated inline flag group' };
      if (i !== 0) leadingOnly = false;
      i = j;
    }
  }
  return { flags, leadingOnly };
}

/** Rewrites a Python 2.7 pattern into JS source plus flags; see the module comment for the rules. */
export function translatePyRegex(source: string): Translation {
  const scan = scanInlineFlags(source);
  if (scan.error) return { ok: false, source, error: scan.error };
  const f = scan.flags;
  const constructs = new Set<string>();
  if (f.size > 0) constructs.add(scan.leadingOnly ? 'inline-flags' : 'inline-flags-not-leading');
  const verbose = f.has('x');
  const multiline = f.has('m');
  const dotall = f.has('s');
  const unicode = f.has('u');
  let out = '';
  let inClass = false;
  let classStart = false;
  const src = source;
  const plain = verbose ? PLAIN_VERBOSE : PLAIN;
  for (let i = 0; i < src.length; i++) {
    // Copy runs of ordinary characters at once (most of every pattern).
    const run = inClass ? CLASS_PLAIN : plain;
    run.lastIndex = i;
    const m = run.exec(src);
    if (m) {
      out += m[0];
      i += m[0].length - 1;
      classStart = false;
      continue;
    }
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return { ok: false, source, error: 'bogus escape (end of line)' };
      i++;
      classStart = false;
      if (n === 'A' && !inClass) (out += '(?<![\\s\\S])'), constructs.add('\\A');
      else if (n === 'Z' && !inClass) (out += '(?![\\s\\S])'), constructs.add('\\Z');
      else if (n === 'a') (out += '\\x07'), constructs.add('\\a');
      else if (n === 'c' || n === 'k' || n === 'u') (out += n), constructs.add(`\\${n}`);
      else if ((n === 's' || n === 'S') && !unicode) {
        // Python 2 str patterns: ASCII whitespace only (JS \s also takes Unicode spaces).
        if (inClass) out += n === 's' ? PY_SPACE : '\\S';
        else out += n === 's' ? `[${PY_SPACE}]` : `[^${PY_SPACE}]`;
        constructs.add('\\s');
      }
      else out += '\\' + n;
      continue;
    }
    if (inClass) {
      if (c === ']' && !classStart) inClass = false;
      if (c === ']' && classStart) (out += '\\]'), constructs.add('class-leading-]');
      else out += c;
      classStart = false;
      continue;
    }
    if (verbose && /\s/.test(c)) {
      constructs.add('verbose');
      continue;
    }
    if (verbose && c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      constructs.add('verbose');
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      if (src[i + 1] === '^') (out += '^'), i++;
      classStart = true;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2);
      const flagGroup = /^[a-zA-Z]+\)/.exec(rest);
      if (flagGroup && rest[0] !== 'P') {
        i += 1 + flagGroup[0].length;
        continue;
      }
      const named = /^P<([A-Za-z_]\w*)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        i += 1 + named[0].length;
        constructs.add('(?P<name>)');
        continue;
      }
      const backref = /^P=([A-Za-z_]\w*)\)/.exec(rest);
      if (backref) {
        out += `\\k<${backref[1]}>`;
        i += 1 + backref[0].length;
        constructs.add('(?P=name)');
        continue;
      }
      if (rest[0] === '#') {
        const end = src.indexOf(')', i);
        if (end < 0) return { ok: false, source, error: 'unterminated comment' };
        i = end;
        constructs.add('(?#comment)');
        continue;
      }
      if (rest[0] === '(') return { ok: false, source, error: 'conditional group (?(id)yes|no) has no JavaScript equivalent' };
      if (rest[0] === 'P') return { ok: false, source, error: 'unknown (?P extension' };
      if (rest[0] === '<' && rest[1] !== '=' && rest[1] !== '!') return { ok: false, source, error: 'unknown extension (?<' };
      out += '(?';
      i++;
      continue;
    }
    if (c === '{') {
      const q = /^\{,(\d*)\}/.exec(src.slice(i));
      if (q) {
        out += `{0,${q[1]}}`;
        i += q[0].length - 1;
        constructs.add('{,n}');
        continue;
      }
    }
    if (c === '.') {
      out += dotall ? '[\\s\\S]' : '[^\\n]';
      constructs.add('.');
      continue;
    }
    if (c === '$') {
      out += multiline ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
      constructs.add('$');
      continue;
    }
    if (c === '^' && multiline) {
      out += '(?<![^\\n])';
      constructs.add('^ multiline');
      continue;
    }
    out += c;
  }
  if (inClass) return { ok: false, source, error: 'unterminated character set' };
  const flags = f.has('i') ? 'i' : '';
  return { ok: true, pattern: { source, js: out, flags, constructs: [...constructs] } };
}

/** A compiled Python regex: `match` is `re.match` (anchored at the start only), `search` is `re.search`. */
export interface PyRegex {
  source: string;
  constructs: string[];
  match(s: string): boolean;
  search(s: string): boolean;
}

export type Compiled = { ok: true; regex: PyRegex } | { ok: false; source: string; error: string };

/** Compiles once per distinct source (the layout repeats its e-mail allow-list through aliases). */
export class PyRegexCache {
  private readonly cache = new Map<string, Compiled>();

  compile(source: string): Compiled {
    let c = this.cache.get(source);
    if (!c) {
      c = compilePyRegex(source);
      this.cache.set(source, c);
    }
    return c;
  }

  /** Every distinct construct rewritten so far, with how many distinct patterns needed it. */
  constructCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.cache.values()) {
      if (c.ok) for (const k of c.regex.constructs) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  }
}

export function compilePyRegex(source: string): Compiled {
  const t = translatePyRegex(source);
  if (!t.ok) return t;
  let sticky: RegExp;
  try {
    sticky = new RegExp(t.pattern.js, t.pattern.flags + 'y');
  } catch (err) {
    return { ok: false, source, error: (err as Error).message };
  }
  let free: RegExp | undefined;
  const regex: PyRegex = {
    source,
    constructs: t.pattern.constructs,
    match(s) {
      sticky.lastIndex = 0;
      return sticky.test(s);
    },
    search(s) {
      free ??= new RegExp(t.pattern.js, t.pattern.flags);
      return free.test(s);
    },
  };
  return { ok: true, regex };
}
