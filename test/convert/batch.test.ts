import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFromGolden } from '../../src/convert/inputs.js';
import type { Translate } from '../../src/convert/inputs.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../src/run/batch.js';
import { globToRegExp } from '../../src/run/glob.js';
import { tempDir } from '../helpers/tmp.js';

const job = (name: string) => JSON.stringify({ name, job: { name } });

describe('convertCorpus', () => {
  it('turns a project whose conversion throws into a failed outcome and carries on', async () => {
    const inputs = inputsFromGolden([job('ok-job'), job('bad-job')].join('\n'), { jobs: {}, scripts: {} }, {
      projects: { a: { test: [{ job: 'bad-job', voting: true }] }, b: { test: [{ job: 'ok-job', voting: true }] } },
    });
    let calls = 0;
    const translate: Translate = (name) => {
      calls++;
      if (name === 'bad-job') throw new Error('boom');
      return { translation: { job: name, outcome: 'skipped', ruleId: 'r', ruleSource: { file: 'r' }, ecosystem: 'e', losses: [], reason: { code: 'x', message: 'x' } }, diagnostics: [] };
    };
    const out = tempDir('j2a-batch-');
    const run = await convertCorpus(inputs, translate, { out, projects: [], concurrency: 2, force: false, schemasDir: undefined, ...DEFAULT_MARKERS });
    expect(run.summary.failed).toEqual([{ project: 'a', code: 'convert-project-failed', message: 'boom' }]);
    expect(run.summary.byStatus.convertible).toBe(1);
    expect(run.summary.validation).toBe('structural');
    expect(run.diagnostics.map((d) => d.code)).toEqual(['convert-schemas-missing', 'convert-project-failed']);
    expect(calls).toBe(2);
  });

  it('translates each job once however many projects run it', async () => {
    const projects = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`p${i}`, { test: [{ job: 'j', voting: true }], 'gate-and-submit': [{ job: 'j', voting: true }] }]));
    const inputs = inputsFromGolden(job('j'), { jobs: {}, scripts: {} }, { projects });
    let calls = 0;
    const translate: Translate = () => {
      calls++;
      return { translation: undefined, diagnostics: [] };
    };
    const run = await convertCorpus(inputs, translate, { out: tempDir('j2a-batch-'), projects: ['p*'], concurrency: 3, force: false, schemasDir: undefined, ...DEFAULT_MARKERS });
    expect(calls).toBe(1);
    expect(run.summary.byOutcome.unsupported).toBe(10);
    expect(run.summary.unsupportedReasons[0]).toMatchObject({ code: 'rule-no-match', entries: 10, projects: ['p0', 'p1', 'p2', 'p3', 'p4'] });
  });

  it('matches --project globs by path segment', () => {
    expect(globToRegExp('mediawiki/*').test('mediawiki/core')).toBe(true);
    expect(globToRegExp('mediawiki/*').test('mediawiki/extensions/Foo')).toBe(false);
    expect(globToRegExp('mediawiki/**').test('mediawiki/extensions/Foo')).toBe(true);
    expect(globToRegExp('a.b?').test('a.bc')).toBe(true);
    expect(globToRegExp('a.b?').test('axbc')).toBe(false);
  });

  it('removes the .pipeline files an earlier run generated when the project no longer converts, never hand-written ones', async () => {
    const projects = { 'lib/a': { test: [{ job: 'j', voting: true }] }, 'lib/b': { test: [{ job: 'j', voting: true }] } };
    const inputs = inputsFromGolden(job('j'), { jobs: {}, scripts: {} }, { projects });
    const ok: Translate = (name) => ({
      translation: { job: name, outcome: 'translated', ruleId: 'r', ruleSource: { file: 'r' }, ecosystem: 'e', losses: [], stage: { name: 's', build: 's', run: true }, variant: { name: 's', base: 'img', entrypoint: ['true'] } },
      diagnostics: [],
    });
    const blocked: Translate = () => ({ translation: undefined, diagnostics: [] });
    const out = tempDir('j2a-batch-');
    const opts = { out, projects: [], concurrency: 2, force: false, schemasDir: undefined, ...DEFAULT_MARKERS };
    await convertCorpus(inputs, ok, opts);
    const a = path.join(out, 'repos/lib/a/.pipeline/config.yaml');
    const b = path.join(out, 'repos/lib/b/.pipeline/config.yaml');
    expect(existsSync(a) && existsSync(b)).toBe(true);
    writeFileSync(b, 'pipelines: {}\n'); // now hand-written
    await convertCorpus(inputs, blocked, opts);
    expect(existsSync(a)).toBe(false);
    expect(existsSync(path.join(out, 'repos/lib/a/.pipeline/blubber.yaml'))).toBe(false);
    expect(existsSync(b)).toBe(true);
  });

  it('builds a new output directory in a staging directory and renames it into place whole', async () => {
    const projects = { 'lib/a': { test: [{ job: 'j', voting: true }] } };
    const inputs = inputsFromGolden(job('j'), { jobs: {}, scripts: {} }, { projects });
    const ok: Translate = (name) => ({
      translation: { job: name, outcome: 'translated', ruleId: 'r', ruleSource: { file: 'r' }, ecosystem: 'e', losses: [], stage: { name: 's', build: 's', run: true }, variant: { name: 's', base: 'img', entrypoint: ['true'] } },
      diagnostics: [],
    });
    const parent = tempDir('j2a-stage-');
    const out = path.join(parent, 'nested', 'out');
    await convertCorpus(inputs, ok, { out, projects: [], concurrency: 1, force: false, schemasDir: undefined, ...DEFAULT_MARKERS });
    expect(readdirSync(path.join(parent, 'nested'))).toEqual(['out']);
    expect(readdirSync(out).sort()).toEqual(['integration-config', 'reports', 'repos', 'summary.json', 'summary.md']);
    expect(readFileSync(path.join(out, 'repos/lib/a/.pipeline/config.yaml'), 'utf8')).toContain('pipelines:');
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).projects).toBe(1);
    expect(existsSync(path.join(out, 'reports/lib/a.json'))).toBe(true);
  });

  it('leaves no partial output directory and no staging directory when the run fails', async () => {
    const inputs = inputsFromGolden(job('j'), { jobs: {}, scripts: {} }, { projects: { a: { test: [{ job: 'j', voting: true }] } } });
    const parent = tempDir('j2a-stage-');
    const schemas = path.join(parent, 'schemas');
    mkdirSync(schemas);
    for (const f of ['pipelinelib-pipelines.v0.schema.json', 'blubber-config.v4.schema.json']) writeFileSync(path.join(schemas, f), '{not json');
    const out = path.join(parent, 'out');
    const translate: Translate = () => ({ translation: undefined, diagnostics: [] });
    await expect(convertCorpus(inputs, translate, { out, projects: [], concurrency: 1, force: false, schemasDir: schemas, ...DEFAULT_MARKERS })).rejects.toThrow();
    expect(readdirSync(parent)).toEqual(['schemas']);
  });
});
