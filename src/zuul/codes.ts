/** Diagnostic codes of the Zuul layout stage: code -> fixed message and severity. */
import { makeDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js';

export const ZUUL_CODES = {
  'zuul-yaml-error': { severity: 'error', message: 'layout is not valid YAML' },
  'zuul-layout-shape': { severity: 'error', message: 'layout section has the wrong shape' },
  'zuul-unknown-key': { severity: 'warning', message: 'unknown key (Zuul rejects extra keys)' },
  'zuul-duplicate-name': { severity: 'error', message: 'duplicate name in a layout section' },
  'zuul-duplicate-project': { severity: 'error', message: 'project listed twice; the later entry replaces the earlier' },
  'zuul-unknown-pipeline': { severity: 'error', message: 'project or template names a pipeline that is not defined' },
  'zuul-unknown-manager': { severity: 'error', message: 'pipeline manager is not IndependentPipelineManager or DependentPipelineManager' },
  'zuul-template-undefined': { severity: 'error', message: 'project uses a template that is not defined' },
  'zuul-template-format': { severity: 'error', message: 'template placeholder cannot be formatted (Python str.format would fail)' },
  'zuul-invalid-regex': { severity: 'error', message: 'regular expression cannot be compiled (Python re semantics)' },
  'zuul-regex-flags-not-leading': { severity: 'warning', message: 'inline regex flags not at the start apply to the whole pattern' },
  'zuul-job-undefined': { severity: 'warning', message: 'job is not defined by JJB' },
  'zuul-bad-job-name': { severity: 'error', message: 'job name in a tree must be a string without whitespace' },
  'zuul-nested-list': { severity: 'warning', message: 'nested list in a job tree: Zuul 2.5 iterates each item (a string becomes one job per character)' },
  'zuul-multi-key-tree-dict': { severity: 'warning', message: 'job tree mapping with several parents: Zuul 2.5 (Python 2) visits them in hash order, j2a in file order' },
  'zuul-filtered-parent': { severity: 'warning', message: 'a job with children has branch/files/skip-if filters: when it is filtered out, Zuul 2.5 still waits for its children and the item never completes' },
  'zuul-null-tree': { severity: 'warning', message: 'empty (null) job list; Zuul 2.5 would fail on it, read as an empty list' },
  'zuul-bad-value': { severity: 'error', message: 'attribute has a value of the wrong type' },
  'zuul-queue-name-conflict': { severity: 'error', message: 'more than one name assigned to a change queue' },
  'zuul-unknown-merge-mode': { severity: 'error', message: 'unknown merge-mode' },
} as const satisfies Record<string, { severity: Severity; message: string }>;

export type ZuulCode = keyof typeof ZUUL_CODES;

/** A Diagnostic with the code's fixed message, followed by specifics. */
export function zuulDiag(
  code: ZuulCode,
  where: { file?: string; line?: number },
  detail?: string,
  extra: Partial<Pick<Diagnostic, 'repo' | 'job' | 'data'>> = {},
): Diagnostic {
  return makeDiagnostic(ZUUL_CODES[code], code, detail, { file: where.file, line: where.line, ...extra });
}
