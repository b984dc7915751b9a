import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { YamlMap, YamlValue } from '../../src/jjb/types.js';
import { parsePyYaml, sourceOf } from '../../src/yaml/pyyaml.js';
import { hasShared, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('PyYAML loader on zuul/layout.yaml');

describe.skipIf(!hasShared)('zuul/layout.yaml with safe_load semantics (no custom tags)', () => {
  const file = path.join(sharedCorpus, 'zuul', 'layout.yaml');
  const r = hasShared ? parsePyYaml(readFileSync(file, 'utf8'), 'zuul/layout.yaml') : undefined!;

  it('loads without diagnostics, top-level sections in file order', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(Object.keys(r.value as object)).toEqual(['includes', 'pipelines', 'jobs', 'project-templates', 'projects']);
    expect(sourceOf((r.value as YamlMap).projects)).toMatchObject({ file: 'zuul/layout.yaml' });
  });

  it('resolves `- !!merge : *anchor` items (no "" keys, no merge keys left)', () => {
    let merges = 0;
    const seen = new Set<object>();
    const walk = (v: YamlValue): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      if (Array.isArray(v)) v.forEach(walk);
      else {
        expect(Object.keys(v)).not.toContain('');
        expect(Object.keys(v)).not.toContain('<<');
        Object.values(v as YamlMap).forEach(walk);
      }
    };
    walk(r.value);
    const text = readFileSync(file, 'utf8');
    merges = (text.match(/!!merge :/g) ?? []).length;
    expect(merges).toBe(31);
  });

  it('`test-prio` merges the `test` pipeline: its keys first, own name/description override, values shared', () => {
    const pipelines = (r.value as YamlMap).pipelines as YamlMap[];
    const test = pipelines.find((p) => p.name === 'test')!;
    const prio = pipelines.find((p) => p.name === 'test-prio')!;
    expect(Object.keys(prio).slice(0, Object.keys(test).length)).toEqual(Object.keys(test));
    expect(prio.description).not.toEqual(test.description);
    for (const k of Object.keys(test)) {
      if (typeof test[k] === 'object' && test[k] !== null && !(k in { name: 1, description: 1 }) && prio[k] === test[k]) return;
    }
    throw new Error('no value shared between test and test-prio');
  });
});
