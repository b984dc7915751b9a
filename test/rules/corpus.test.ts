/**
 * The real corpus (../shared goldens): every JJB job and every job name Zuul references must end
 * with exactly one rule, without overlaps or other diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import type { JobTranslation } from '../../src/convert/types.js';
import { loadRules, translateAll, translateJobName } from '../../src/rules/index.js';
import { hasShared, warnIfNoShared } from '../helpers/shared.js';
import { goldenJobInputs, zuulJobNames } from '../helpers/golden-inputs.js';

warnIfNoShared('rules corpus test');

describe.skipIf(!hasShared)('translation rules on the real corpus', () => {
  const { rules, diagnostics: loadDiagnostics } = loadRules();
  const jobs = hasShared ? goldenJobInputs() : [];
  const all = translateAll(jobs, rules);

  it('loads the rules cleanly', () => {
    expect(loadDiagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('matches all 781 JJB jobs with no overlap and no other diagnostic', () => {
    expect(jobs).toHaveLength(781);
    expect(all.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(all.translations.size).toBe(781);
  });

  it('matches all 424 job names Zuul references', () => {
    const names = zuulJobNames();
    expect(names).toHaveLength(424);
    const unmatched: string[] = [];
    for (const name of names) {
      if (all.translations.has(name)) continue;
      const r = translateJobName(name, rules, { file: 'zuul/layout.yaml' });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
      if (!r.translation) unmatched.push(name);
    }
    expect(unmatched).toEqual([]);
  });

  it('gives each job an outcome consistent with its fields', () => {
    const bad = (t: JobTranslation): string | undefined => {
      const runs = t.outcome === 'translated' || t.outcome === 'partial';
      if (runs && (!t.stage || !t.variant)) return 'runs without stage/variant';
      if (!runs && (t.stage || t.variant || t.losses.length || !t.reason)) return 'not run but has stage/losses or no reason';
      if (t.outcome === 'translated' && t.losses.length) return 'translated with losses';
      if (t.outcome === 'partial' && !t.losses.length) return 'partial without losses';
      if (t.variant && !t.variant.base) return 'variant without base image';
      return undefined;
    };
    const problems = [...all.translations.values()].flatMap((t) => (bad(t) ? [`${t.job}: ${bad(t)}`] : []));
    expect(problems).toEqual([]);
  });

  it('classifies the families as judged (spot checks)', () => {
    const get = (name: string): JobTranslation | undefined => all.translations.get(name);
    expect(get('debian-glue')?.reason?.code).toBe('debian-packaging');
    expect(get('fail-archived-repositories')?.outcome).toBe('skipped');
    expect(get('trigger-citoid-pipeline-test')?.outcome).toBe('already-migrated');
    expect(get('quibble-vendor-mysql-php83')).toMatchObject({ outcome: 'partial', ruleId: 'mediawiki-quibble/quibble' });
    expect(get('tox')?.variant?.entrypoint).toEqual(['tox']);
    expect(get('pywikibot-core-tox-doctest')?.variant?.entrypoint).toEqual(['tox', '-e', 'doctest']);
    expect(get('composer-php83')?.variant?.entrypoint).toEqual(['/run-test']);
    expect(get('doxygen-publish')?.reason?.code).toBe('doc-publishing');
  });
});
