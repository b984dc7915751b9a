/**
 * Golden: every project's job trees and every shared queue equal what Zuul 2.5.1 computed
 * (shared/golden/zuul-jobtrees.json) from the corpus layout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLayout, resolveLayout, toGoldenShape, type GoldenShape, type ResolvedLayout } from '../../src/zuul/index.js';
import { goldenDir, hasShared, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('Zuul job-tree golden');

describe.skipIf(!hasShared)('Zuul layout golden (zuul-jobtrees.json)', () => {
  let golden: GoldenShape;
  let ours: GoldenShape;
  let resolved: ResolvedLayout;
  let parseCodes: string[];

  beforeAll(() => {
    golden = JSON.parse(readFileSync(path.join(goldenDir, 'zuul-jobtrees.json'), 'utf8')) as GoldenShape;
    const parsed = loadLayout(path.join(sharedCorpus, 'zuul', 'layout.yaml'));
    parseCodes = parsed.diagnostics.map((d) => d.code);
    resolved = resolveLayout(parsed.layout);
    ours = toGoldenShape(resolved);
  });

  it('the corpus layout parses and resolves without diagnostics', () => {
    expect(parseCodes).toEqual([]);
    expect(resolved.diagnostics).toEqual([]);
  });

  it('every project equals the golden (2,181 projects)', () => {
    const names = Object.keys(golden.projects);
    expect(names).toHaveLength(2181);
    const mismatched = names.filter((p) => !isDeepStrictEqual(ours.projects[p], golden.projects[p]));
    expect(mismatched).toEqual([]);
    expect(Object.keys(ours.projects)).toEqual(names);
  });

  it('every shared queue equals the golden (460 queues)', () => {
    const all = Object.values(golden.queues).flat();
    expect(all).toHaveLength(460);
    expect(Object.keys(ours.queues)).toEqual(Object.keys(golden.queues));
    for (const [pipeline, queues] of Object.entries(golden.queues)) expect(ours.queues[pipeline], pipeline).toEqual(queues);
  });

  it('the layout lists 2,182 projects: the one missing from the golden is in no pipeline', () => {
    expect(resolved.layout.projects).toHaveLength(2182);
    expect(resolved.idleProjects).toEqual(['mediawiki/services/change-propagation/deploy']);
  });

  it('every regex of the layout translates; the rewrites it needs (distinct patterns per construct)', () => {
    // 689 distinct patterns (metajobs, branch/files/skip-if, triggers with the e-mail allow-list).
    expect(Object.fromEntries(resolved.layout.regexes.constructCounts())).toEqual({
      '.': 100,
      $: 572,
      'inline-flags': 7,
      '^ multiline': 7,
      '\\s': 7,
    });
  });

  it('the JSON text equals the golden without _meta', () => {
    const { _meta: _m, ...rest } = JSON.parse(readFileSync(path.join(goldenDir, 'zuul-jobtrees.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(ours)).toBe(JSON.stringify(rest));
  });
});
