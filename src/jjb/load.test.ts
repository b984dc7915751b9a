import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/tmp.js';
import { YAML_CODES } from '../yaml/codes.js';
import { JJB_CODES } from './codes.js';
import { readJjbConf } from './conf.js';
import { compareCodePoints, loadJjb } from './load.js';
import type { YamlMap } from './types.js';

/** A corpus root in a temp dir: files relative to it. */
function corpus(files: Record<string, string>): string {
  const root = tempDir('j2a-jjb-load-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const codes = (l: { diagnostics: { code: string; file?: string; line?: number }[] }) =>
  l.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);

describe('files and order (jjb-expansion.md §1.1)', () => {
  it('a directory loads its direct *.yaml/*.yml entries in code-point order', () => {
    const root = corpus({
      'jjb/b.yaml': '- job: {name: b}\n',
      'jjb/B.yml': '- job: {name: B}\n',
      'jjb/a.yaml': '- job: {name: a}\n',
      'jjb/z.txt': '- job: {name: z}\n',
      'jjb/sub/c.yaml': '- job: {name: c}\n',
    });
    const l = loadJjb(['jjb'], { root });
    expect(l.files).toEqual(['jjb/B.yml', 'jjb/a.yaml', 'jjb/b.yaml']);
    expect(l.items.map((i) => i.key)).toEqual(['B', 'a', 'b']);
    expect(l.diagnostics).toEqual([]);
  });
  it('the same real file given twice (or through a symlink) is loaded once', () => {
    const root = corpus({ 'jjb/a.yaml': '- job: {name: a}\n' });
    symlinkSync(path.join(root, 'jjb/a.yaml'), path.join(root, 'jjb/link.yaml'));
    const l = loadJjb(['jjb', 'jjb/a.yaml'], { root });
    expect(l.items).toHaveLength(1);
    expect(l.diagnostics).toEqual([]);
  });
  it('code-point order differs from localeCompare', () => {
    expect(['b', 'B', '_', 'a'].sort(compareCodePoints)).toEqual(['B', '_', 'a', 'b']);
  });
  it('a missing input is a diagnostic', () => {
    const root = corpus({});
    expect(codes(loadJjb(['nope.yaml'], { root }))).toEqual(['jjb-input-missing nope.yaml:undefined']);
  });
});

describe('top-level items (jjb-expansion.md §1.5)', () => {
  it('keys entries by id, else name, within their kind; records kind and line', () => {
    const root = corpus({
      'a.yaml': '# x\n- job-template:\n    name: t\n- job-template:\n    name: u\n    id: uid\n- job:\n    name: t\n- mystery:\n    name: m\n',
    });
    const l = loadJjb(['a.yaml'], { root });
    expect(l.items.map((i) => [i.kind, i.key, i.source.line])).toEqual([
      ['job-template', 't', 2],
      ['job-template', 'uid', 4],
      ['job', 't', 7],
      ['mystery', 'm', 9],
    ]);
    expect(l.byKind.get('job-template')!.get('uid')!.data.name).toBe('u');
    expect(l.items[0]!.source.file).toBe('a.yaml');
    expect(l.diagnostics).toEqual([]);
  });
  it('the top level must be a list', () => {
    const root = corpus({ 'm.yaml': 'job: {name: a}\n', 'empty.yaml': '# nothing\n', 'b.yaml': '- job: {name: b}\n' });
    const l = loadJjb(['.'], { root });
    expect(l.diagnostics.map((d) => d.message)).toEqual([
      "The topmost collection in file must be a list: 'm.yaml', not a <class 'collections.OrderedDict'>",
    ]);
    expect(l.items.map((i) => i.key)).toEqual(['b']);
  });
  it('an item with more than one key: Syntax error, for item named ...', () => {
    const root = corpus({ 'a.yaml': '- job:\n  name: oops\n- job:\n    name: ok\n' });
    const l = loadJjb(['a.yaml'], { root });
    expect(codes(l)).toEqual(['jjb-item-syntax a.yaml:1']);
    expect(l.diagnostics[0]!.message).toContain("for item named 'oops'. Missing indent?");
    expect(l.items.map((i) => i.key)).toEqual(['ok']);
  });
  it('a duplicate entry is an error and the first is kept', () => {
    const root = corpus({ 'a.yaml': '- job:\n    name: x\n    v: 1\n', 'b.yaml': '- job:\n    name: x\n    v: 2\n' });
    const l = loadJjb(['.'], { root });
    expect(codes(l)).toEqual(['jjb-duplicate-entry b.yaml:1']);
    expect(l.diagnostics[0]!.message).toContain("in 'b.yaml: 'x' already defined");
    expect(l.byKind.get('job')!.get('x')!.data.v).toBe(1);
  });
  it('with allow_duplicates the last definition wins (JJB _handle_dups only warns)', () => {
    const root = corpus({ 'a.yaml': '- job:\n    name: x\n    v: 1\n', 'b.yaml': '- job:\n    name: x\n    v: 2\n' });
    const l = loadJjb(['.'], { root, allowDuplicates: true });
    expect(l.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(l.byKind.get('job')!.get('x')!.data.v).toBe(2);
  });
  it('a file that fails to parse is a diagnostic with its line; the others still load', () => {
    const root = corpus({ 'a.yaml': '- job:\n    name: a\n    x: [1\n', 'b.yaml': '- job: {name: b}\n' });
    const l = loadJjb(['.'], { root });
    expect(l.diagnostics.map((d) => [d.code, d.file])).toEqual([['jjb-yaml-syntax', 'a.yaml']]);
    expect(l.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(l.items.map((i) => i.key)).toEqual(['b']);
  });
});

describe('anchors across files', () => {
  const files = { 'a.yaml': '- defaults: &d\n    name: global\n    x: [1]\n', 'b.yaml': '- job:\n    name: j\n    !!merge : *d\n' };
  it('are reset per file by default (alias to another file is an error)', () => {
    const l = loadJjb(['.'], { root: corpus(files) });
    expect(codes(l)).toEqual(['jjb-yaml-undefined-alias b.yaml:3']);
  });
  it('retain_anchors from a JJB ini file shares them', () => {
    const root = corpus({ ...files, 'jjb.ini': '[job_builder]\nretain_anchors = True\n' });
    const conf = readJjbConf(path.join(root, 'jjb.ini'), root);
    expect(conf.diagnostics).toEqual([]);
    const l = loadJjb(['a.yaml', 'b.yaml'], { root, ...conf.options });
    expect(l.diagnostics).toEqual([]);
    expect(l.byKind.get('job')!.get('j')!.data.x).toEqual([1]);
  });
  it('are shared in load order with retain_anchors, with object identity', () => {
    const l = loadJjb(['.'], { root: corpus(files), retainAnchors: true });
    expect(l.diagnostics).toEqual([]);
    const job = l.byKind.get('job')!.get('j')!.data;
    expect(job.name).toBe('j');
    expect(job.x).toBe((l.byKind.get('defaults')!.get('global')!.data as YamlMap).x);
  });
});

describe('codes', () => {
  it('every yaml-* code of the generic loader has a jjb-yaml-* twin with the same severity and message', () => {
    for (const [code, info] of Object.entries(YAML_CODES)) {
      expect(JJB_CODES[`jjb-${code}` as keyof typeof JJB_CODES]).toEqual(info);
    }
  });
});
