/** First match wins, overlap and no-match diagnostics, templates and derived losses (small inline rule set). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { translateAll, translateJob, translateJobName } from '../../src/rules/translate.js';
import type { JobInput } from '../../src/rules/types.js';
import { PyFloat } from '../../src/jjb/types.js';
import { repoRoot } from '../helpers/shared.js';

const { rules } = loadRules(path.join(repoRoot, 'test', 'fixtures', 'rules', 'good'));

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function job(name: string, body: JobInput['job']): JobInput {
  return deepFreeze({ name, job: body, source: { file: 'jjb/x.yaml', line: 3 } });
}

const toxJob = job('foo-tox-py3', {
  builders: [
    'castor-load',
    { 'docker-run': { image: 'releng/tox:1', args: '-e py3' } },
  ],
  publishers: ['archive-log-dir'],
  wrappers: [{ timeout: { timeout: 30 } }, { 'credentials-binding': [{ text: { 'credential-id': 'npm-token', variable: 'T' } }] }],
});

describe('translateJob', () => {
  it('uses the first matching rule and reports the overlap', () => {
    const r = translateJob(toxJob, rules);
    expect(r.translation?.ruleId).toBe('a-first/tox-env');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.job, d.file, d.line])).toEqual([
      ['rule-overlap', 'warning', 'foo-tox-py3', 'jjb/x.yaml', 3],
    ]);
  });

  it('fills templates and derives losses from the job components', () => {
    const t = translateJob(toxJob, rules).translation;
    expect(t).toMatchObject({
      job: 'foo-tox-py3',
      outcome: 'partial',
      ecosystem: 'a-first',
      losses: ['cache', 'artifacts', 'timeout', 'credentials'],
      stage: { name: 'tox-py3', build: 'tox-py3', run: true },
      variant: { name: 'tox-py3', base: 'releng/tox:1', entrypoint: ['tox', '-e', 'py3'] },
      captures: { env: 'py3' },
    });
  });

  it('keeps translated when nothing is lost, and splices {{*args}} words', () => {
    const r = translateJob(job('runner', { builders: [{ 'docker-run': { image: 'img:1', args: '--a "b c"' } }] }), rules);
    expect(r.diagnostics).toEqual([]);
    expect(r.translation).toMatchObject({ outcome: 'translated', losses: [], stage: { run: { arguments: ['--a', 'b c'] } } });
  });

  it('reads numeric timeouts, PyFloat markers included, against the 20-minute limit', () => {
    const losses = (timeout: unknown): string[] | undefined =>
      translateJob(job('runner', { wrappers: [{ timeout: { timeout: timeout as number } }] }), rules).translation?.losses;
    expect(losses(20)).toEqual([]);
    expect(losses('15')).toEqual([]);
    expect(losses(new PyFloat(15))).toEqual([]);
    expect(losses(21)).toEqual(['timeout']);
    expect(losses('${BUILD_TIMEOUT}')).toEqual(['timeout']);
  });

  it('warns about components the vocabulary does not classify', () => {
    const r = translateJob(job('runner', { builders: ['mystery-macro'] }), rules);
    expect(r.diagnostics.map((d) => [d.code, d.data?.component])).toEqual([['rule-unknown-component', 'mystery-macro']]);
  });

  it('warns when arguments need a shell', () => {
    const r = translateJob(job('runner', { builders: [{ 'docker-run': { image: 'i', args: '--x "$HOME"' } }] }), rules);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['rule-args-unsplittable']);
    expect(r.translation?.stage?.run).toEqual({ arguments: ['--x "$HOME"'] });
  });

  it('reports a job no rule matches', () => {
    const r = translateJobName('nothing', rules, { file: 'zuul/layout.yaml' });
    expect(r.translation).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.job])).toEqual([['rule-no-match', 'error', 'nothing']]);
  });
});

describe('translateAll', () => {
  it('translates each job name once', () => {
    const r = translateAll([toxJob, toxJob, job('runner', {})], rules);
    expect([...r.translations.keys()]).toEqual(['foo-tox-py3', 'runner']);
    expect(r.diagnostics.filter((d) => d.code === 'rule-overlap')).toHaveLength(1);
  });
});
