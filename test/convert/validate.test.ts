import { describe, expect, it } from 'vitest';
import { loadValidators, semanticProblems } from '../../src/emit/validate.js';
import { DEFAULT_NAMING } from '../../src/emit/pipelines.js';
import { hasShared, sharedDir } from '../helpers/shared.js';
import path from 'node:path';

const blubber = { version: 'v4', variants: { test: { entrypoint: ['true'] }, production: {} } };
const config = (stage: object) => ({ pipelines: { p: { blubberfile: 'blubber.yaml', stages: [stage] } } });

describe('semanticProblems (PipelineLib rules the schema misses)', () => {
  const check = (stage: object, zuul: string[]) => semanticProblems(config(stage), blubber, () => zuul, DEFAULT_NAMING.publishing);
  it('allows publish only when every Zuul pipeline running it may publish (pipelinelib-and-blubber.md §1.4)', () => {
    const stage = { name: 'production', build: 'production', publish: { image: true } };
    expect(check(stage, ['postmerge', 'gate-and-submit-wmf'])).toEqual([]);
    expect(check(stage, ['test', 'postmerge'])).toEqual(['p: stage production has action publish, not allowed here']);
  });
  it('rejects stage-level blubberfile and trigger everywhere, build-only stages, unknown variants, reserved names', () => {
    expect(check({ name: 'a', build: 'test', run: true, blubberfile: 'x.yaml' }, ['postmerge'])).toEqual(['p: stage a has action blubberfile, not allowed here']);
    expect(check({ name: 'a', build: 'test' }, ['test'])).toEqual(['p: stage a must build and run']);
    expect(check({ name: 'a', build: 'nope', run: true }, ['test'])).toEqual(['p: stage a builds unknown variant nope']);
    expect(check({ name: 'setup', build: 'test', run: true }, ['test'])).toEqual(['p: reserved stage name setup']);
  });
  it('rejects shell defaults in env values (PipelineLib interpolation throws on them, §4)', () => {
    expect(check({ name: 'a', build: 'test', run: { env: { A: '${X:-y}' } } }, ['test'])).toEqual(['p: stage a env A is not a plain string']);
    expect(check({ name: 'a', build: 'test', run: { env: { A: '${ZUUL_REF}' } } }, ['test'])).toEqual([]);
  });
});

describe('loadValidators', () => {
  it('falls back to the structural check without schemas', () => {
    const v = loadValidators(undefined);
    expect(v.mode).toBe('structural');
    expect(v.config({ pipelines: { p: { stages: [{ name: 'a', bogus: 1 }] } } })).toEqual(['/pipelines/p/stages/0 has unknown key bogus']);
    expect(v.config({ pipelines: { p: { stages: [{ name: 'a', run: { env: { A: 1 } } }] } } })).toEqual(['/pipelines/p/stages/0/run/env/A must be a string']);
    expect(v.blubber({ version: 'v3' })).toEqual(['/version must be v4']);
  });
  it.skipIf(!hasShared)('uses the reference schemas when present: env values must be strings', () => {
    const v = loadValidators(path.join(sharedDir, 'reference', 'schemas'));
    expect(v.mode).toBe('schema');
    expect(v.config(config({ name: 'a', build: 'test', run: { env: { A: '1' } } }))).toEqual([]);
    expect(v.config(config({ name: 'a', build: 'test', run: { env: { A: 1 } } })).length).toBeGreaterThan(0);
    expect(v.blubber(blubber)).toEqual([]);
  });
});
