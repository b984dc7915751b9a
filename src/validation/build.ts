/**
 * Build step (`npm run build`, after tsc): writes Ajv's standalone validation code for the schemas j2a checks
 * on every run into dist/generated/ (see precompiled.ts), with a manifest of the schema content hashes.
 * The reference schemas come from ../shared/reference/schemas when present; nothing from there is committed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { RULE_FILE_SCHEMA, VOCABULARY_SCHEMA } from '../rules/schema.js';
import { RULES_AJV_OPTIONS, ruleSchemaHash } from '../rules/validators.js';
import { BLUBBER_SCHEMA, CONFIG_SCHEMA, readReferenceSchema, SCHEMA_AJV_OPTIONS } from '../emit/validate.js';
import { schemasDir } from '../convert/schemas-dir.js';
import { contentHash, GENERATED_DIR, MANIFEST } from './precompiled.js';

type AjvClass = typeof Ajv | typeof Ajv2020;

function code(Klass: AjvClass, options: Options, schema: object): string {
  const ajv = new Klass({ ...options, code: { ...options.code, source: true } });
  // a CommonJS module: its default export arrives as `.default` of the namespace
  const toCode = (standalone as unknown as { default: (ajv: unknown, fn: ValidateFunction) => string }).default;
  return toCode(ajv, ajv.compile(schema));
}

/** Writes the standalone validators and their manifest into `outDir`; returns the manifest (name -> schema hash). */
export function writePrecompiled(outDir: string, referenceDir: string | undefined): Record<string, string> {
  const manifest: Record<string, string> = {};
  const out: [string, string][] = [
    ['rule-file', code(Ajv, RULES_AJV_OPTIONS, RULE_FILE_SCHEMA)],
    ['vocabulary', code(Ajv, RULES_AJV_OPTIONS, VOCABULARY_SCHEMA)],
  ];
  manifest['rule-file'] = ruleSchemaHash(RULE_FILE_SCHEMA);
  manifest.vocabulary = ruleSchemaHash(VOCABULARY_SCHEMA);
  for (const [name, file] of [['pipelinelib-config', CONFIG_SCHEMA], ['blubber', BLUBBER_SCHEMA]] as const) {
    const ref = referenceDir && existsSync(path.join(referenceDir, file)) ? readReferenceSchema(path.join(referenceDir, file)) : undefined;
    if (!ref) continue;
    out.push([name, code(Ajv2020, SCHEMA_AJV_OPTIONS, ref.schema)]);
    manifest[name] = contentHash(ref.text);
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of out) writeFileSync(path.join(outDir, `${name}.cjs`), text);
  writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = schemasDir(undefined);
  writePrecompiled(GENERATED_DIR, dir);
  if (!dir) process.stderr.write('note: no ../shared/reference/schemas at build time: the PipelineLib and Blubber validators are not precompiled (compiled at run time when --schemas names them)\n');
}
