/**
 * Diagnostic codes of the PyYAML-compatible loader. Callers of an area may re-prefix them
 * (the JJB loader reports `yaml-syntax` as `jjb-yaml-syntax`).
 */
import { makeDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js';

export const YAML_CODES = {
  'yaml-syntax': { severity: 'error', message: 'YAML syntax error' },
  'yaml-undefined-alias': { severity: 'error', message: 'found undefined alias' },
  'yaml-duplicate-anchor': { severity: 'error', message: 'found duplicate anchor' },
  'yaml-bad-merge': { severity: 'error', message: 'expected a mapping or list of mappings for merging' },
  'yaml-unknown-tag': { severity: 'error', message: 'could not determine a constructor for the tag' },
  'yaml-bad-scalar': { severity: 'error', message: 'cannot construct scalar' },
  'yaml-bad-key': { severity: 'error', message: 'found unhashable key' },
  'yaml-key-order': {
    severity: 'warning',
    message: 'mapping key order differs from the file (JavaScript objects list integer-like keys first)',
  },
  'yaml-too-large': { severity: 'error', message: 'YAML document has too many nodes' },
} as const satisfies Record<string, { severity: Severity; message: string }>;

export type YamlCode = keyof typeof YAML_CODES;

export function yamlDiagnostic(code: YamlCode, detail: string, file: string, line?: number): Diagnostic {
  return makeDiagnostic(YAML_CODES[code], code, detail, { file, line });
}
