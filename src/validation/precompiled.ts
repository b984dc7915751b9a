/**
 * JSON Schema validators compiled at build time (`npm run build` runs src/validation/build.ts): Ajv's standalone
 * code for the rule-file schemas and, when ../shared was beside the repository at build time, the PipelineLib and
 * Blubber reference schemas. Loading them costs a few milliseconds; compiling the schemas with Ajv at run time
 * (and importing Ajv) costs ~200 ms of a conversion. Each is used only if the schema it was built from is the
 * one in use now (same content hash); otherwise the caller compiles the schema itself. Same code as Ajv's own.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

/** dist/generated/, beside dist/validation/ (from src/ it does not exist: everything is compiled at run time) */
export const GENERATED_DIR = fileURLToPath(new URL('../generated/', import.meta.url));
export const MANIFEST = 'manifest.json';

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let manifest: Record<string, string> | null | undefined;

/** The validator built as `name` from a schema whose content hash is `hash`, if there is one. */
export function precompiledValidator(name: string, hash: string): ValidateFunction | undefined {
  if (manifest === undefined) {
    try {
      manifest = JSON.parse(readFileSync(`${GENERATED_DIR}${MANIFEST}`, 'utf8')) as Record<string, string>;
    } catch {
      manifest = null;
    }
  }
  if (manifest?.[name] !== hash) return undefined;
  try {
    return createRequire(import.meta.url)(`${GENERATED_DIR}${name}.cjs`) as ValidateFunction;
  } catch {
    return undefined;
  }
}
