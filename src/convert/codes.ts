/** Diagnostic codes of conversion (emit, validate, apply, batch): one fixed message and severity per code. */
import { makeDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js';

export const CONVERT_CODES = {
  'convert-schemas-missing': {
    severity: 'info',
    message: 'reference schemas not found; emitted files were checked with the built-in structural check only',
  },
  'convert-invalid-config': { severity: 'error', message: 'bug: emitted .pipeline/config.yaml fails validation; not written' },
  'convert-invalid-blubber': { severity: 'error', message: 'bug: emitted blubber.yaml fails validation; not written' },
  'convert-semantic': { severity: 'error', message: 'bug: emitted pipeline breaks a PipelineLib runtime rule; not written' },
  'convert-overwrite-refused': {
    severity: 'warning',
    message: 'an existing hand-written .pipeline/ file differs; not overwritten (use --force), diff shown',
  },
  'convert-merge-needed': {
    severity: 'warning',
    message: 'the project already has a hand-written .pipeline/config.yaml; merge the generated pipelines into it',
  },
  'convert-project-failed': { severity: 'error', message: 'converting the project failed' },
  'convert-job-undefined': { severity: 'warning', message: 'the Zuul job is not defined in JJB' },
  'convert-stage-renamed': { severity: 'info', message: 'two jobs produced the same stage or variant name; renamed' },
} as const satisfies Record<string, { severity: Severity; message: string }>;

export type ConvertCode = keyof typeof CONVERT_CODES;

/** A diagnostic with the code's fixed message and severity; specifics go in `data`. */
export function convertDiagnostic(code: ConvertCode, extra: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {}): Diagnostic {
  return makeDiagnostic(CONVERT_CODES[code], code, undefined, extra);
}
