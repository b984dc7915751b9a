/**
 * Checks every emitted document before anything is written: the reference JSON Schemas (compiled once with
 * Ajv 2020, the settings of shared/reference/schemas/README.md) when found, else a built-in structural check,
 * plus the PipelineLib runtime rules the schema does not cover (pipelinelib-and-blubber.md §1.4, §5.7).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Options, ValidateFunction } from 'ajv';
import { contentHash, precompiledValidator } from '../validation/precompiled.js';

export const CONFIG_SCHEMA = 'pipelinelib-pipelines.v0.schema.json';
export const BLUBBER_SCHEMA = 'blubber-config.v4.schema.json';

/** Returns the problems found (empty: valid). */
export type Check = (doc: unknown) => string[];

export interface Validators {
  config: Check;
  blubber: Check;
  /** 'schema' when the reference schemas were used, else 'structural' */
  mode: 'schema' | 'structural';
}

function ajvCheck(fn: ValidateFunction): Check {
  return (doc) => (fn(doc) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const STAGE_KEYS = new Set(['name', 'blubberfile', 'build', 'run', 'copy', 'publish', 'promote', 'deploy', 'exports', 'notify', 'trigger']);

/** The parts of pipelines.v0 j2a relies on, for when the schema is not available. */
function structuralConfig(doc: unknown): string[] {
  if (!isMap(doc) || !isMap(doc.pipelines)) return ['/ must have a `pipelines` map'];
  const errs: string[] = [];
  for (const [name, p] of Object.entries(doc.pipelines)) {
    if (!isMap(p) || !Array.isArray(p.stages)) {
      errs.push(`/pipelines/${name} must have a \`stages\` list`);
      continue;
    }
    p.stages.forEach((s, i) => {
      if (!isMap(s) || typeof s.name !== 'string') errs.push(`/pipelines/${name}/stages/${i} must be a map with a name`);
      else for (const k of Object.keys(s)) if (!STAGE_KEYS.has(k)) errs.push(`/pipelines/${name}/stages/${i} has unknown key ${k}`);
      if (isMap(s) && isMap(s.run) && isMap(s.run.env))
        for (const [k, v] of Object.entries(s.run.env)) if (typeof v !== 'string') errs.push(`/pipelines/${name}/stages/${i}/run/env/${k} must be a string`);
    });
    if (p.execution !== undefined && !(Array.isArray(p.execution) && p.execution.every(Array.isArray)))
      errs.push(`/pipelines/${name}/execution must be a list of lists`);
  }
  return errs;
}

function structuralBlubber(doc: unknown): string[] {
  if (!isMap(doc) || doc.version !== 'v4') return ['/version must be v4'];
  if (doc.variants !== undefined && !isMap(doc.variants)) return ['/variants must be a map'];
  const errs: string[] = [];
  for (const [name, v] of Object.entries(doc.variants ?? {})) {
    if (!isMap(v)) errs.push(`/variants/${name} must be a map`);
    else if (v.entrypoint !== undefined && !(Array.isArray(v.entrypoint) && v.entrypoint.every((x) => typeof x === 'string')))
      errs.push(`/variants/${name}/entrypoint must be a list of strings`);
  }
  return errs;
}

/**
 * First error only, no inlining or optimisation passes: compiling is ~4x faster and the verdict is the same.
 * The schemas themselves are not checked against the 2020-12 meta-schema on every run (~50 ms): they are fixed
 * reference files, and test/convert/corpus.test.ts compiles them with meta-schema validation on.
 */
export const SCHEMA_AJV_OPTIONS: Options = { strict: false, validateFormats: false, inlineRefs: false, validateSchema: false, code: { optimize: false } };

/** The schema Ajv compiles from a reference schema file's text. */
export function referenceSchema(text: string): Record<string, unknown> {
  const schema = JSON.parse(text) as Record<string, unknown>;
  delete schema.$schema; // Ajv rejects the draft 2020-12 meta-schema URL otherwise (schemas/README.md)
  return schema;
}

/** A reference schema file: its text (for the content hash) and the schema Ajv compiles. */
export function readReferenceSchema(file: string): { text: string; schema: Record<string, unknown> } {
  const text = readFileSync(file, 'utf8');
  return { text, schema: referenceSchema(text) };
}

/** Compiles the validators once per run (or takes those precompiled from the same schemas). `dir` undefined or incomplete: structural checks. */
export function loadValidators(dir: string | undefined): Validators {
  if (!dir || !existsSync(path.join(dir, CONFIG_SCHEMA)) || !existsSync(path.join(dir, BLUBBER_SCHEMA))) {
    return { config: structuralConfig, blubber: structuralBlubber, mode: 'structural' };
  }
  let ajv: InstanceType<typeof import('ajv/dist/2020.js').Ajv2020> | undefined;
  const get = (name: string, file: string): ValidateFunction => {
    // the text's hash is enough to pick a precompiled validator; the JSON is parsed only to compile
    const text = readFileSync(path.join(dir, file), 'utf8');
    const pre = precompiledValidator(name, contentHash(text));
    if (pre) return pre;
    if (!ajv) {
      const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv = new Ajv2020(SCHEMA_AJV_OPTIONS);
    }
    return ajv.compile(referenceSchema(text));
  };
  return { config: ajvCheck(get('pipelinelib-config', CONFIG_SCHEMA)), blubber: ajvCheck(get('blubber', BLUBBER_SCHEMA)), mode: 'schema' };
}

/** Stage keys PipelineLib allows in every Zuul pipeline; the rest only where `publishing` matches. */
const ALWAYS_ALLOWED = new Set(['name', 'build', 'run', 'copy', 'exports', 'notify']);

/**
 * Runtime rules of PipelineLib the schema does not check: allowed actions for the Zuul pipelines that run
 * each pipeline (stage-level `blubberfile` included), reserved and unique stage names, `execution` names,
 * variants present in the Blubber file, string env values without shell defaults.
 */
export function semanticProblems(
  config: unknown,
  blubber: unknown,
  zuulPipelinesOf: (pl: string) => readonly string[],
  publishing: RegExp,
): string[] {
  const errs: string[] = [];
  if (!isMap(config) || !isMap(config.pipelines)) return ['no pipelines'];
  const variants = isMap(blubber) && isMap(blubber.variants) ? blubber.variants : {};
  for (const [name, p] of Object.entries(config.pipelines)) {
    if (!isMap(p) || !Array.isArray(p.stages)) continue;
    const mayPublish = zuulPipelinesOf(name).every((z) => publishing.test(z));
    const names = new Set<string>();
    for (const s of p.stages) {
      if (!isMap(s)) continue;
      const n = String(s.name);
      if (names.has(n)) errs.push(`${name}: duplicate stage ${n}`);
      if (n === 'setup' || n === 'teardown') errs.push(`${name}: reserved stage name ${n}`);
      names.add(n);
      for (const k of Object.keys(s)) if (!ALWAYS_ALLOWED.has(k) && !(mayPublish && k !== 'blubberfile' && k !== 'trigger')) errs.push(`${name}: stage ${n} has action ${k}, not allowed here`);
      if (typeof s.build === 'string' && !(s.build in variants)) errs.push(`${name}: stage ${n} builds unknown variant ${s.build}`);
      if (s.build === undefined || (s.run === undefined && !('publish' in s))) errs.push(`${name}: stage ${n} must build and run`);
      const env = isMap(s.run) && isMap(s.run.env) ? s.run.env : {};
      for (const [k, v] of Object.entries(env)) if (typeof v !== 'string' || /\$\{[^}]*:-/.test(v)) errs.push(`${name}: stage ${n} env ${k} is not a plain string`);
    }
    if (Array.isArray(p.execution)) for (const arc of p.execution) for (const x of Array.isArray(arc) ? arc : []) if (!names.has(String(x))) errs.push(`${name}: execution names unknown stage ${String(x)}`);
  }
  return errs;
}
