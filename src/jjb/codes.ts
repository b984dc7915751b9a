/**
 * Diagnostic codes of the JJB area (loading and expansion): one fixed message and severity per code.
 * Messages mirror JJB 4.x wording where JJB has one (jjb-expansion.md §16); specifics follow the
 * fixed text via `jjbDiagnostic(code, detail)`.
 */
import { makeDiagnostic, type CodeInfo, type Diagnostic, type SourceLocation } from '../diagnostics.js';

export type { CodeInfo };

export const JJB_CODES = {
  // ---- loading (load.ts, include.ts, conf.ts, ../yaml/pyyaml.ts) ----
  'jjb-yaml-syntax': { severity: 'error', message: 'YAML syntax error' },
  'jjb-yaml-undefined-alias': { severity: 'error', message: 'found undefined alias' },
  'jjb-yaml-duplicate-anchor': { severity: 'error', message: 'found duplicate anchor' },
  'jjb-yaml-bad-scalar': { severity: 'error', message: 'cannot construct scalar' },
  'jjb-yaml-bad-merge': { severity: 'error', message: 'expected a mapping or list of mappings for merging' },
  'jjb-yaml-unknown-tag': { severity: 'error', message: 'could not determine a constructor for the tag' },
  'jjb-yaml-bad-key': { severity: 'error', message: 'found unhashable key' },
  'jjb-yaml-key-order': {
    severity: 'warning',
    message: 'mapping key order differs from the file (JavaScript objects list integer-like keys first)',
  },
  'jjb-yaml-too-large': { severity: 'error', message: 'YAML document has too many nodes' },
  'jjb-not-a-list': { severity: 'error', message: 'The topmost collection in file must be a list' },
  'jjb-item-syntax': { severity: 'error', message: 'Syntax error, for item. Missing indent?' },
  'jjb-item-no-name': { severity: 'error', message: 'Entry has neither id nor name' },
  'jjb-duplicate-entry': { severity: 'error', message: 'Duplicate entry found' },
  'jjb-duplicate-entry-allowed': { severity: 'warning', message: 'Duplicate entry overwritten (allow_duplicates)' },
  'jjb-input-missing': { severity: 'error', message: 'Input path does not exist' },
  'jjb-input-unreadable': { severity: 'error', message: 'Input file cannot be read' },
  'jjb-include-missing': { severity: 'warning', message: 'Include file not found; using MISSING-INCLUDE marker' },
  'jjb-include-outside-root': {
    severity: 'error',
    message: 'Include path lies outside the include roots; refused, using MISSING-INCLUDE marker',
  },
  'jjb-include-deprecated-tag': { severity: 'warning', message: 'Tag without trailing colon is deprecated' },
  'jjb-include-bad-arg': { severity: 'error', message: 'Include tag needs a path or a list of paths' },
  'jjb-include-recursive': { severity: 'error', message: 'Include nests too deeply (recursive include?)' },
  'jjb-join-bad-arg': { severity: 'error', message: '!join: needs [delimiter, [strings...]]' },
  'jjb-bad-conf': { severity: 'error', message: 'Invalid JJB configuration file' },
  // ---- expansion (format.ts, expand.ts, macros.ts, jinja.ts): appended by the expander ----
  'jjb-missing-parameter': { severity: 'error', message: 'Missing parameter; job skipped' },
  'jjb-format-error': { severity: 'error', message: 'Cannot format; job skipped' },
  'jjb-jinja-error': { severity: 'error', message: 'Jinja2 rendering failed; job skipped' },
  'jjb-unknown-template': { severity: 'error', message: 'Unknown job, job-group or job-template' },
  'jjb-unknown-defaults': { severity: 'error', message: 'Unknown defaults set; job skipped' },
  'jjb-bad-template': { severity: 'error', message: 'Job or job-template has no string name; skipped' },
  'jjb-bad-description': { severity: 'error', message: 'description is not a string (TypeError in JJB); job skipped' },
  'jjb-bad-axis': { severity: 'error', message: 'Bad axis item (badly indented?); job skipped' },
  'jjb-duplicate-job': { severity: 'error', message: 'Duplicate generated job; the last definition is kept' },
  'jjb-duplicate-job-allowed': { severity: 'warning', message: 'Duplicate generated job overwritten (allow_duplicates)' },
  'jjb-duplicate-job-reference': { severity: 'error', message: 'Job listed twice in a project' },
  'jjb-group-nested': {
    severity: 'warning',
    message: 'job-group entry names another job-group; JJB 4.x does not nest groups, entry ignored',
  },
  'jjb-group-entry-unknown': { severity: 'warning', message: 'job-group entry matches no job or job-template; ignored' },
  'jjb-unknown-macro': { severity: 'error', message: 'Unknown macro or component; left unexpanded' },
  'jjb-macro-cycle': { severity: 'error', message: 'Macro calls itself (cycle); left unexpanded' },
  'jjb-macro-error': { severity: 'error', message: 'Macro expansion failed; component left unexpanded' },
} as const satisfies Record<string, CodeInfo>;

export type JjbCode = keyof typeof JJB_CODES;

/** A diagnostic with the code's severity; `detail` (if any) follows the fixed message after ': '. */
export function jjbDiagnostic(code: JjbCode, detail?: string, where?: SourceLocation): Diagnostic {
  return makeDiagnostic(JJB_CODES[code], code, detail, { file: where?.file, line: where?.line });
}
