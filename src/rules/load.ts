/**
 * Loads and validates every rule file up front: schema (ajv), ids, regexes, {{group}} names,
 * reason codes and outcome/field consistency. All problems are returned at once, with file:line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { ConfigError, formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { ruleDiagnostic } from './codes.js';
import { ruleValidators } from './validators.js';
import { REPO_ROOT } from '../repo-root.js';
import { compileRuleFile, type RawRuleFile } from './compile.js';
import { parseYamlWithLines, type ParsedYaml } from './yaml-source.js';
import type { RuleSet, Vocabulary } from './types.js';

/** `<repo>/rules`, both from src/rules (tsx, vitest) and dist/rules (built). */
export const DEFAULT_RULES_DIR = path.join(REPO_ROOT, 'rules');
export const VOCABULARY_FILE = '_vocabulary.yaml';


export interface LoadedRules {
  rules: RuleSet;
  diagnostics: Diagnostic[];
}

function schemaDiagnostics(errors: ErrorObject[], parsed: ParsedYaml, file: string): Diagnostic[] {
  // anyOf failures repeat every branch's complaint; keep one line per (path, message)
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const segs = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extraKey = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    const where = `${e.instancePath || '/'}${extraKey ? `/${extraKey}` : ''}`;
    const msg = extraKey ? `unknown key '${extraKey}' at ${e.instancePath || '/'}` : `${where} ${e.message ?? ''}`;
    if (seen.has(msg)) continue;
    seen.add(msg);
    out.push(ruleDiagnostic('rule-file-schema', msg, { file, line: parsed.lineOf(segs, extraKey) }));
  }
  return out;
}

function readYaml(abs: string, file: string, diagnostics: Diagnostic[]): ParsedYaml | undefined {
  const parsed = parseYamlWithLines(readFileSync(abs, 'utf8'));
  for (const e of parsed.errors) diagnostics.push(ruleDiagnostic('rule-file-syntax', e.message, { file, line: e.line }));
  return parsed.errors.length ? undefined : parsed;
}

const EMPTY_VOCABULARY: Vocabulary = {
  components: {},
  parameters: {},
  timeout: { wrapper: '', maxMinutes: Infinity },
  credentials: { wrapper: '', allowed: [] },
  reasons: {},
};

function loadVocabulary(dir: string, rel: (f: string) => string, diagnostics: Diagnostic[]): Vocabulary {
  const abs = path.join(dir, VOCABULARY_FILE);
  const file = rel(abs);
  if (!existsSync(abs)) {
    diagnostics.push(ruleDiagnostic('rule-vocabulary-missing', '', { file }));
    return EMPTY_VOCABULARY;
  }
  const parsed = readYaml(abs, file, diagnostics);
  if (!parsed) return EMPTY_VOCABULARY;
  const validateVocabulary = ruleValidators().vocabulary;
  if (!validateVocabulary(parsed.value)) {
    diagnostics.push(...schemaDiagnostics(validateVocabulary.errors ?? [], parsed, file));
    return EMPTY_VOCABULARY;
  }
  const vocabulary = parsed.value as unknown as Vocabulary;
  return { ...vocabulary, parameters: vocabulary.parameters ?? {} };
}

/** Loads `<dir>/*.yaml` (files starting with `_` are data tables), sorted by name; first match wins in that order. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): LoadedRules {
  const diagnostics: Diagnostic[] = [];
  const rel = (abs: string): string => path.relative(path.dirname(dir), abs).split(path.sep).join('/');
  const vocabulary = loadVocabulary(dir, rel, diagnostics);
  const set: RuleSet = { rules: [], examples: [], vocabulary };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort();
  for (const name of files) {
    const abs = path.join(dir, name);
    const file = rel(abs);
    const parsed = readYaml(abs, file, diagnostics);
    if (!parsed) continue;
    // Rules and examples with schema errors are left out; the rest is still compiled, so that
    // every problem of the file is reported in one run.
    const skip = { rules: new Set<number>(), examples: new Set<number>() };
    const validateRuleFile = ruleValidators().ruleFile;
    if (!validateRuleFile(parsed.value)) {
      const errors = validateRuleFile.errors ?? [];
      diagnostics.push(...schemaDiagnostics(errors, parsed, file));
      for (const e of errors) {
        const m = /^\/(rules|examples)\/(\d+)(?:\/|$)/.exec(e.instancePath);
        if (!m) {
          skip.rules.add(-1);
          break;
        }
        skip[m[1] as 'rules' | 'examples'].add(Number(m[2]));
      }
      if (skip.rules.has(-1)) continue;
    }
    const compiled = compileRuleFile(parsed.value as unknown as RawRuleFile, skip, {
      file,
      stem: name.replace(/\.yaml$/, ''),
      lineOf: parsed.lineOf,
      reasons: vocabulary.reasons,
    });
    diagnostics.push(...compiled.diagnostics);
    set.rules.push(...compiled.rules);
    set.examples.push(...compiled.examples);
  }
  return { rules: set, diagnostics: sortDiagnostics(diagnostics) };
}

/** Throws ConfigError listing every error (before any work starts), else returns the rule set. */
export function loadRulesOrThrow(dir: string = DEFAULT_RULES_DIR): LoadedRules {
  const loaded = loadRules(dir);
  if (hasErrors(loaded.diagnostics)) {
    throw new ConfigError(`invalid translation rules:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  return loaded;
}
