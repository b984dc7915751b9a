/**
 * Jinja2 rendering for `!j2:`, `!j2-yaml:` and `!include-jinja2:` (jjb-expansion.md §11) with
 * nunjucks, configured to behave like JJB's Jinja2 environment where the corpus needs it:
 *  - StrictUndefined: using an undefined name fails with `'x' is undefined` (`is defined` and
 *    `|default` still work);
 *  - one trailing newline of the template is dropped (keep_trailing_newline=False); autoescape off;
 *  - values print as Python `str()` (`None`, `True`, lists...), `|string` too;
 *  - Python methods: `d.items()/keys()/values()/get()`, `s.startswith()/endswith()/strip()/...`;
 *    iterating a dict yields its keys.
 * The runtime overrides are passed to each compiled template only (nunjucks' global runtime is untouched).
 */
import { createRequire } from 'node:module';
import type Nunjucks from 'nunjucks';
import { parsePyYaml } from '../yaml/pyyaml.js';
import { FormatError } from './format-error.js';
import { pyStr } from './pyrepr.js';
import type { JinjaTemplate, YamlMap, YamlValue } from './types.js';

/** Jinja's StrictUndefined: any use except `is defined`/`|default` raises. */
class Undef {
  constructor(readonly message: string) {}
}

function fail(u: Undef): never {
  throw new FormatError(u.message);
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

const STRING_METHODS: Record<string, (s: string, ...a: string[]) => unknown> = {
  startswith: (s, p) => s.startsWith(p),
  endswith: (s, p) => s.endsWith(p),
  strip: (s, c) => (c === undefined ? s.trim() : s.replace(new RegExp(`^[${esc(c)}]+|[${esc(c)}]+$`, 'gu'), '')),
  lstrip: (s) => s.trimStart(),
  rstrip: (s) => s.trimEnd(),
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  split: (s, sep) => (sep === undefined ? s.split(/\s+/u).filter(Boolean) : s.split(sep)),
  replace: (s, a, b) => s.split(a).join(b),
};
const MAP_METHODS: Record<string, (m: Record<string, unknown>, ...a: unknown[]) => unknown> = {
  items: (m) => Object.entries(m),
  keys: (m) => Object.keys(m),
  values: (m) => Object.values(m),
  get: (m, k, d = null) => (Object.hasOwn(m, String(k)) ? m[String(k)] : d),
};

function esc(chars: string): string {
  return chars.replace(/[\\\]^-]/gu, '\\$&');
}

interface Runtime {
  contextOrFrameLookup(context: unknown, frame: unknown, key: string): unknown;
  memberLookup(obj: unknown, val: unknown, ...rest: unknown[]): unknown;
  suppressValue(val: unknown, autoescape: boolean): unknown;
  fromIterator(arr: unknown): unknown;
}

/** name of the global that makes if-conditions strict (a name no template uses) */
const STRICT_BOOL = '__j2a_strict_bool';

interface Engine {
  nunjucks: typeof Nunjucks;
  env: Nunjucks.Environment;
  runtime: Runtime;
}

let engine: Engine | undefined;

/** nunjucks is loaded on first use: most j2a commands never render Jinja. */
function getEngine(): Engine {
  if (engine) return engine;
  const nunjucks = createRequire(import.meta.url)('nunjucks') as typeof Nunjucks;
  const base = (nunjucks as unknown as { runtime: Runtime }).runtime;
  const runtime: Runtime = Object.create(base);
  runtime.contextOrFrameLookup = (context, frame, key) => {
    const own = (frame as { lookup(k: string): unknown }).lookup(key);
    if (own !== undefined) return own;
    reads?.push(key);
    return orSpecial((context as { lookup(k: string): unknown }).lookup(key), key);
  };
  runtime.memberLookup = (obj, val) => {
    if (obj instanceof Undef) fail(obj);
    const name = String(val);
    if (typeof obj === 'string' && Object.hasOwn(STRING_METHODS, name)) {
      return (...a: string[]) => STRING_METHODS[name](obj, ...a);
    }
    if (isPlainMap(obj)) {
      if (Object.hasOwn(obj, name)) return obj[name];
      if (Object.hasOwn(MAP_METHODS, name)) return (...a: unknown[]) => MAP_METHODS[name](obj, ...a);
      return new Undef(`'dict object' has no attribute '${name}'`);
    }
    const v = base.memberLookup(obj, val);
    return v === undefined ? new Undef(`'${typeof obj}' object has no attribute '${name}'`) : v;
  };
  runtime.suppressValue = (val) => {
    if (val instanceof Undef) fail(val);
    return typeof val === 'string' ? val : pyStr(val as YamlValue);
  };
  runtime.fromIterator = (arr) => {
    if (arr instanceof Undef) fail(arr);
    if (isPlainMap(arr)) return Object.keys(arr);
    return base.fromIterator(arr);
  };

  const env = new nunjucks.Environment(null, { autoescape: false });
  const tests = env as unknown as { addTest(name: string, fn: (v: unknown) => boolean): void };
  tests.addTest('defined', (v: unknown) => v !== undefined && !(v instanceof Undef));
  tests.addTest('undefined', (v: unknown) => v === undefined || v instanceof Undef);
  env.addFilter('default', (v: unknown, d: unknown = '', boolean = false) =>
    v === undefined || v instanceof Undef || (boolean && !v) ? d : v,
  );
  env.addFilter('d', (v: unknown, d: unknown = '') => (v === undefined || v instanceof Undef ? d : v));
  // bool(StrictUndefined) raises: `{% if x %}` / `{% elif x %}` conditions go through this global
  env.addGlobal(STRICT_BOOL, (v: unknown) => {
    if (v instanceof Undef) fail(v);
    return v;
  });
  env.addFilter('string', (v: unknown) => {
    if (v instanceof Undef) fail(v);
    return pyStr(v as YamlValue);
  });
  env.addFilter('length', (v: unknown) => {
    if (v instanceof Undef) fail(v);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isPlainMap(v)) return Object.keys(v).length;
    throw new FormatError(`object of type '${typeof v}' has no len()`);
  });
  engine = { nunjucks, env, runtime };
  return engine;
}

/** Jinja's names for constants, and StrictUndefined for any other missing name. */
function orSpecial(v: unknown, key: string): unknown {
  if (v !== undefined) return v;
  if (key === 'True') return true;
  if (key === 'False') return false;
  if (key === 'None') return null;
  return new Undef(`'${key}' is undefined`);
}

/** Names the render in progress read from its context (not from its own frames), in reading order. */
let reads: string[] | undefined;

interface Compiled {
  render(ctx: object): string;
}

/**
 * Memo of one template's renders. Rendering is a deterministic function of the values the template reads from
 * its context, and which name it reads next depends only on the values read so far. So the renders form a tree:
 * each node names the next context read, each edge is a value (by `valueKey`), each leaf is an output. A render
 * walks the tree with its own parameters and stops at a leaf (same output) or renders for real and adds its path.
 * (JJB renders the `docker-run` macro 4,821 times on the real corpus, with far fewer distinct inputs.)
 */
interface ReadNode {
  name: string;
  next: Map<string, ReadNode | string>;
}

interface Memo {
  root?: ReadNode | string;
}

/** The key of a context value: its type and content (numbers so that 0 and -0, NaN and null differ; key order kept). */
function valueKey(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${Object.is(v, -0) ? '-0' : String(v)}`;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'undefined':
      return 'u';
    case 'function':
      return 'f';
  }
  if (v === null) return 'z';
  return `o${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? `\u0000n${Object.is(x, -0) ? '-0' : String(x)}` : typeof x === 'function' ? '\u0000f' : x))}`;
}

/** What a read of `key` returns for a render with `params` (nunjucks Context.lookup). */
function contextValue(params: YamlMap, key: string, globals: Record<string, unknown>): unknown {
  return key in globals && !(key in params) ? globals[key] : (params as Record<string, unknown>)[key];
}
type RootRender = (env: unknown, ctx: unknown, frame: unknown, rt: unknown, cb: unknown) => void;

const cache = new Map<string, Compiled>();
const memos = new Map<string, Memo>();
const yamlCache = new Map<string, YamlValue>();

function compile(text: string): Compiled {
  let t = cache.get(text);
  if (t) return t;
  // Jinja drops one trailing newline; `for (a, b) in` is Jinja tuple syntax nunjucks lacks;
  // if/elif conditions are wrapped so that an undefined value raises as StrictUndefined does.
  const src = text
    .replace(/\r\n?/gu, '\n')
    .replace(/\n$/u, '')
    .replace(/\{%(-?)(\s*)for\s+\(([^)]*)\)\s+in\b/gu, '{%$1$2for $3 in')
    .replace(/\{%(-?)(\s*)(if|elif)\s+([\s\S]*?)\s*(-?)%\}/gu, `{%$1$2$3 ${STRICT_BOOL}(($4)) $5%}`);
  const { nunjucks, env, runtime } = getEngine();
  const tpl = new nunjucks.Template(src, env, undefined, true) as unknown as Compiled & { rootRenderFunc: RootRender };
  const root = tpl.rootRenderFunc;
  tpl.rootRenderFunc = (e, ctx, frame, _rt, cb) => root(e, ctx, frame, runtime, cb);
  t = tpl;
  cache.set(text, t);
  return t;
}

/** Renders through the memo of `text` (see Memo); a render that fails is not memoised. */
function renderMemo(text: string, params: YamlMap): string {
  const template = compile(text);
  const globals = (getEngine().env as unknown as { globals: Record<string, unknown> }).globals;
  // the values are read from this copy: a top-level `{% set %}` writes into the context the render gets
  const values: YamlMap = { ...params };
  const keyOf = (name: string): string => valueKey(contextValue(values, name, globals));
  let memo = memos.get(text);
  if (!memo) memos.set(text, (memo = {}));
  let at = memo.root;
  while (at !== undefined && typeof at !== 'string') at = at.next.get(keyOf(at.name));
  if (typeof at === 'string') return at;
  const outer = reads;
  const names: string[] = [];
  reads = names;
  let out: string;
  try {
    out = template.render({ ...values });
  } finally {
    reads = outer;
  }
  addPath(memo, names, keyOf, out);
  return out;
}

/** Adds the path of one render (the names it read, their values' keys) ending in its output. */
function addPath(memo: Memo, names: readonly string[], keyOf: (name: string) => string, out: string): void {
  let parent: ReadNode | undefined;
  let edge = '';
  let node = memo.root;
  let i = 0;
  for (; i < names.length && node !== undefined; i++) {
    // renders are deterministic, so an existing node names the same read; anything else: leave the memo alone
    if (typeof node === 'string' || node.name !== names[i]) return;
    parent = node;
    edge = keyOf(names[i]!);
    node = node.next.get(edge);
  }
  if (node !== undefined) return;
  let tail: ReadNode | string = out;
  for (let j = names.length - 1; j >= i; j--) tail = { name: names[j]!, next: new Map([[keyOf(names[j]!), tail]]) };
  if (parent) parent.next.set(edge, tail);
  else memo.root = tail;
}

/** Renders Jinja2 `text` with `params`; throws FormatError with Jinja's message on failure. */
export function renderJinjaText(text: string, params: YamlMap): string {
  try {
    return renderMemo(text, params);
  } catch (err) {
    if (err instanceof FormatError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof FormatError) throw cause;
    const msg = err instanceof Error ? err.message : String(err);
    const inner = /'[^']*' is undefined|'dict object' has no attribute '[^']*'/u.exec(msg);
    throw new FormatError(inner ? inner[0] : `Jinja2 error: ${msg.split('\n').join(' ')}`);
  }
}

/** Renders a `!j2:`/`!include-jinja2:` (string) or `!j2-yaml:` (parsed YAML, not yet formatted). */
export function renderJinja(t: JinjaTemplate, params: YamlMap): YamlValue {
  const text = renderJinjaText(t.text, params);
  if (t.tag !== 'j2-yaml') return text;
  // The parsed value is only read afterwards (deepFormat builds new containers), so it can be shared.
  const hit = yamlCache.get(text);
  if (hit !== undefined) return hit;
  const parsed = parsePyYaml(text, t.source.file);
  if (!parsed.ok) throw new FormatError(`!j2-yaml: rendered text is not valid YAML: ${parsed.diagnostics[0]?.message ?? ''}`);
  yamlCache.set(text, parsed.value);
  return parsed.value;
}
