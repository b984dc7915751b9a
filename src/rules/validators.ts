/** The validators of rule files and of the vocabulary: precompiled at build time when current, else compiled here. */
import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv';
import { contentHash, precompiledValidator } from '../validation/precompiled.js';
import { RULE_FILE_SCHEMA, VOCABULARY_SCHEMA } from './schema.js';

// All errors at once; the small schemas validate fast without ajv's code optimiser, which slows compiling down.
export const RULES_AJV_OPTIONS: Options = { allErrors: true, strict: false, code: { optimize: false } };

export function ruleSchemaHash(schema: object): string {
  return contentHash(JSON.stringify(schema));
}

let validators: { ruleFile: ValidateFunction; vocabulary: ValidateFunction } | undefined;

export function ruleValidators(): { ruleFile: ValidateFunction; vocabulary: ValidateFunction } {
  if (validators) return validators;
  let ruleFile = precompiledValidator('rule-file', ruleSchemaHash(RULE_FILE_SCHEMA));
  let vocabulary = precompiledValidator('vocabulary', ruleSchemaHash(VOCABULARY_SCHEMA));
  if (!ruleFile || !vocabulary) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    const ajv = new Ajv(RULES_AJV_OPTIONS);
    ruleFile ??= ajv.compile(RULE_FILE_SCHEMA);
    vocabulary ??= ajv.compile(VOCABULARY_SCHEMA);
  }
  validators = { ruleFile, vocabulary };
  return validators;
}
