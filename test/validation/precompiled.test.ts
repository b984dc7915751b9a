/**
 * The validators `npm run build` precompiles (src/validation/build.ts) give the same verdicts and the same errors
 * as the schemas compiled by Ajv at run time, on the real rule files, the invalid fixtures, and (with ../shared)
 * the emitted sample .pipeline files and broken variants of them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { writePrecompiled } from '../../src/validation/build.js';
import { RULES_AJV_OPTIONS } from '../../src/rules/validators.js';
import { RULE_FILE_SCHEMA, VOCABULARY_SCHEMA } from '../../src/rules/schema.js';
import { BLUBBER_SCHEMA, CONFIG_SCHEMA, readReferenceSchema, SCHEMA_AJV_OPTIONS } from '../../src/emit/validate.js';
import { hasShared, repoRoot, sharedDir, warnIfNoShared } from '../helpers/shared.js';

const referenceDir = path.join(sharedDir, 'reference', 'schemas');
// inside the repository, so that the generated code finds ajv's runtime helpers as it does in dist/generated/
const cache = path.join(repoRoot, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(path.join(cache, 'j2a-precompiled-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const manifest = writePrecompiled(out, hasShared ? referenceDir : undefined);
const load = (name: string) => createRequire(import.meta.url)(path.join(out, `${name}.cjs`)) as ValidateFunction;

function same(pre: ValidateFunction, compiled: ValidateFunction, docs: unknown[]): number {
  let invalid = 0;
  for (const doc of docs) {
    const a = pre(doc);
    const b = compiled(doc);
    expect(a).toBe(b);
    expect(pre.errors ?? null).toEqual(compiled.errors ?? null);
    if (!a) invalid++;
  }
  return invalid;
}

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      try {
        return [yaml.load(readFileSync(path.join(dir, f), 'utf8'), { schema: yaml.CORE_SCHEMA })];
      } catch {
        return []; // a fixture with a YAML syntax error
      }
    });

describe('precompiled validators', () => {
  it('rule files: same verdicts and errors as Ajv at run time', () => {
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['rule-file', 'vocabulary']));
    const ajv = new Ajv(RULES_AJV_OPTIONS);
    const docs = [...yamlFiles(path.join(repoRoot, 'rules')), ...yamlFiles(path.join(repoRoot, 'test/fixtures/rules/bad'))];
    const invalid = same(load('rule-file'), ajv.compile(RULE_FILE_SCHEMA), docs);
    expect(invalid).toBeGreaterThan(2); // the fixtures' broken files and the vocabulary files
    same(load('vocabulary'), ajv.compile(VOCABULARY_SCHEMA), docs);
  });

  warnIfNoShared('precompiled PipelineLib/Blubber validators');
  it.skipIf(!hasShared)('PipelineLib and Blubber: same verdicts and errors on emitted files and broken variants', () => {
    const ajv = new Ajv2020(SCHEMA_AJV_OPTIONS);
    const configs: unknown[] = [];
    const blubbers: unknown[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === 'config.yaml') configs.push(yaml.load(readFileSync(p, 'utf8')));
        else if (e.name === 'blubber.yaml') blubbers.push(yaml.load(readFileSync(p, 'utf8')));
      }
    };
    walk(path.join(repoRoot, 'reports/sample/repos'));
    expect(configs.length).toBeGreaterThan(3);
    const broken = (docs: unknown[]) => docs.flatMap((d) => [{ ...(d as object), unknownKey: 1 }, { ...(d as object), version: 4 }, 'text', null]);
    const cfg = same(load('pipelinelib-config'), ajv.compile(readReferenceSchema(path.join(referenceDir, CONFIG_SCHEMA)).schema), [...configs, ...broken(configs)]);
    const bb = same(load('blubber'), ajv.compile(readReferenceSchema(path.join(referenceDir, BLUBBER_SCHEMA)).schema), [...blubbers, ...broken(blubbers)]);
    expect(cfg).toBeGreaterThan(0);
    expect(bb).toBeGreaterThan(0);
  });
});
