/**
 * Differential test against the real PyYAML, when a python3 with PyYAML is installed (skips otherwise):
 * the same documents (hand-written edge cases, corpus files, and deterministic mutations of corpus
 * snippets) must give the same value with the same sharing of lists and mappings (aliases, merged
 * values), or both an error at the same line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PyDate, PyFloat, type YamlValue } from '../../src/jjb/types.js';
import { parsePyYaml } from '../../src/yaml/pyyaml.js';
import { hasShared, repoRoot, sharedCorpus } from '../helpers/shared.js';

const PY = String.raw`
import json, sys, yaml, datetime, math
class L(yaml.SafeLoader): pass
def multi(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode): return {'$tag': '!' + suffix, 'text': node.value}
    return {'$tag': '!' + suffix}
yaml.add_multi_constructor('!', multi, Loader=L)
def enc(v, ids):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return v
    if isinstance(v, float): return {'f': None if math.isnan(v) else (str(v) if math.isinf(v) else v)}
    if isinstance(v, (datetime.date, datetime.datetime)): return {'d': str(v)}
    if isinstance(v, dict) and '$tag' in v: return v
    if id(v) in ids: return {'ref': ids[id(v)]}
    ids[id(v)] = len(ids)
    if isinstance(v, dict): return {'m': [[str(k), enc(x, ids)] for k, x in v.items()]}
    return [enc(x, ids) for x in v]
out = []
for d in json.load(sys.stdin):
    try:
        out.append({'ok': True, 'v': enc(yaml.load(d, Loader=L), {})})
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        out.append({'ok': False, 'line': m.line + 1 if m else None})
    except Exception:
        out.append({'ok': False, 'line': None})
json.dump(out, sys.stdout)
`;

const hasPyYaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
if (!hasPyYaml) console.warn('skipping the PyYAML differential test: python3 with PyYAML not found');

type Result = { ok: true; v: unknown } | { ok: false; line: number | null };

/** Same encoding as the Python side; a container met again (alias, merged value) becomes {ref: n}. */
function enc(v: YamlValue | Record<string, unknown>, ids: Map<object, number>): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    return { f: Number.isNaN(v) ? null : Number.isFinite(v) ? v : v > 0 ? 'inf' : '-inf' };
  }
  if (v instanceof PyFloat) return { f: v.value };
  if (v instanceof PyDate) return { d: v.text };
  if ('$tag' in v) return v;
  const seen = ids.get(v);
  if (seen !== undefined) return { ref: seen };
  ids.set(v, ids.size);
  if (Array.isArray(v)) return v.map((x) => enc(x, ids));
  return { m: Object.entries(v).map(([k, x]) => [k, enc(x as YamlValue, ids)]) };
}

function ours(doc: string): Result {
  const r = parsePyYaml(doc, 'x', { tags: (n) => (n.kind === 'scalar' ? { $tag: n.tag, text: n.text } : { $tag: n.tag }) as never });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.ok || errors.length > 0) return { ok: false, line: errors[0]?.line ?? null };
  return { ok: true, v: enc(r.value, new Map()) };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDGE_CASES = [
  'a: [yes, No, on, y, n, ~, 0755, 08, 0x1F, 0b101, 1_000, +12, 1:20, 1.10, 1e3, 1.0e+3, .inf, -.Inf, .5, ._5, 2019-10-29]\n',
  'a: 2001-12-14t21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10 -5\nc: 2002-1-1 1:02:03Z\n',
  '- &a {k: 1, j: 2}\n- &b {j: 3, z: 4}\n- !!merge : [*a, *b]\n  k: 9\n- k: 0\n  <<: *a\n',
  'a: |+\n  x\n\n\nb: >-\n  p\n  q\n\n  r\nc: |2\n    s\n',
  'a: "\\x41\\u00e9\\t\\\n  x"\nb: \'it\'\'s\'\nc: one\n  two\n\n  three\n',
  '{a, b: , ? c, [d]: e}\n',
  'k: !include-raw: [a.sh, b.sh]\nj: !j2: |\n  {{ x }}\n',
  'a: b\tc\n',
  'a:\n  - 1\n  b: 2\n',
  '- !!merge : *nope\n',
  'a: &x 1\nb: &x 2\n',
  '%TAG !e! tag:yaml.org,2002:\n---\na: !e!int "7"\n',
  '- &a {<<: {x: [1]}, y: [2]}\n- {<<: *a}\n- *a\n- &b [*a, {<<: [*a, {z: *a}]}]\n- *b\n',
];

/** The real corpus when ../shared is present, else the bundled sample corpus: the files and mutations of them. */
function corpusDocs(): string[] {
  const base = hasShared ? sharedCorpus : path.join(repoRoot, 'corpus');
  const dir = path.join(base, 'jjb');
  const texts = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const toks = [':', ' ', '- ', '\n', '  ', '"', "'", '[', ']', '{', '}', ',', '#', '? ', '|', '>-', '\\', '!!merge : ', '<<: ', ' &x ', ' *x '];
  const docs = [...texts, readFileSync(path.join(base, 'zuul', 'layout.yaml'), 'utf8')];
  for (let i = 0; i < 600; i++) {
    const lines = pick(texts).split('\n');
    const a = Math.floor(rand() * lines.length);
    const chunk = lines.slice(a, a + 3 + Math.floor(rand() * 25));
    const indent = Math.min(...chunk.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), 99);
    let s = chunk.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    for (let k = Math.floor(rand() * 3); k > 0 && s; k--) {
      const p = Math.floor(rand() * (s.length + 1));
      s = rand() < 0.6 ? s.slice(0, p) + pick(toks) + s.slice(p) : s.slice(0, p) + s.slice(p + 1 + Math.floor(rand() * 3));
    }
    docs.push(s);
  }
  return docs;
}

describe.skipIf(!hasPyYaml)('PyYAML differential', () => {
  it('gives what PyYAML gives (value, or an error at the same line)', () => {
    const docs = [...EDGE_CASES, ...corpusDocs()];
    const py = spawnSync('python3', ['-c', PY], { input: JSON.stringify(docs), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(py.status, py.stderr).toBe(0);
    const expected = JSON.parse(py.stdout) as Result[];
    const mismatches = docs
      .map((doc, i) => ({ doc, want: expected[i]!, got: ours(doc) }))
      .filter(({ want, got }) => JSON.stringify(want) !== JSON.stringify(got))
      // PyYAML raises an unmarked ValueError for e.g. `0x_`; we report the line.
      .filter(({ want, got }) => !(want.ok === false && want.line === null && got.ok === false));
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(docs.length).toBeGreaterThan(EDGE_CASES.length);
  });
});
