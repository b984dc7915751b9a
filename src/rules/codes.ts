/** Diagnostic codes of the rules area: code -> fixed message and severity. */
import { makeDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js';

export const RULE_CODES = {
  'rule-file-syntax': { severity: 'error', message: 'rule file is not valid YAML' },
  'rule-file-schema': { severity: 'error', message: 'rule file does not match the rule schema' },
  'rule-file-id': { severity: 'error', message: 'rule file id must equal the file stem' },
  'rule-duplicate-name': { severity: 'error', message: 'rule name is used twice in the file' },
  'rule-bad-regex': { severity: 'error', message: 'invalid regular expression' },
  'rule-unknown-group': { severity: 'error', message: 'emit template names a {{group}} that no match regex captures' },
  'rule-unknown-reason': { severity: 'error', message: 'reason code is not in the reasons table' },
  'rule-outcome-fields': { severity: 'error', message: 'emit fields do not fit the outcome' },
  'rule-example-rule': { severity: 'error', message: 'example names a rule that is not in the file' },
  'rule-vocabulary-missing': { severity: 'error', message: 'rules/_vocabulary.yaml is missing' },
  'rule-example-failed': { severity: 'error', message: 'rule file example does not translate as expected' },
  'rule-overlap': { severity: 'warning', message: 'job matches more than one rule; the first wins' },
  'rule-no-match': { severity: 'error', message: 'no translation rule matches the job' },
  'rule-unknown-component': {
    severity: 'warning',
    message: 'job uses a component that rules/_vocabulary.yaml does not classify; its loss is unknown',
  },
  'rule-args-unsplittable': { severity: 'warning', message: 'job arguments cannot be split into words safely' },
} as const satisfies Record<string, { severity: Severity; message: string }>;
export type RuleCode = keyof typeof RULE_CODES;

/** Builds a diagnostic with the code's fixed message, followed by `detail` if given. */
export function ruleDiagnostic(code: RuleCode, detail: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return makeDiagnostic(RULE_CODES[code], code, detail, extra);
}
