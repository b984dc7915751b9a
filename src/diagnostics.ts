/**
 * Problems found in the input are data, never exceptions (see docs in README "Diagnostics").
 * Each area keeps its own table of codes (src/<area>/codes.ts) with one fixed message per code;
 * this module joins them so that the same problem groups across repositories.
 */

/** Severity of a diagnostic. `error` makes `j2a` exit 1 (or 2 for unusable input). */
export type Severity = 'error' | 'warning' | 'info';

/** Source position of a YAML node or a problem; `file` is relative to the input root, `line` is 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/** One problem found while loading, expanding, resolving, translating or emitting. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Human text. The code's fixed message, optionally followed by specifics. */
  message: string;
  file?: string;
  line?: number;
  repo?: string;
  job?: string;
  ruleId?: string;
  data?: Record<string, string | number | boolean>;
}

/** One entry of an area's code table: the fixed severity and message of a code. */
export interface CodeInfo {
  severity: Severity;
  message: string;
}

/**
 * The one constructor every area's helper (jjbDiagnostic, zuulDiag, ...) delegates to: the code's fixed
 * severity and message, then `: detail` if given, then location and extra fields.
 */
export function makeDiagnostic(
  info: CodeInfo,
  code: string,
  detail?: string,
  extra: Partial<Omit<Diagnostic, 'code' | 'severity' | 'message'>> = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: info.severity, message: detail ? `${info.message}: ${detail}` : info.message };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (d as unknown as Record<string, unknown>)[k] = v;
  return d;
}

/** Thrown for a fatal configuration problem, before any work starts (exit code 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `file:line: severity code: message`, the format every command prints on stderr. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const tail = [d.repo ? `repo ${d.repo}` : '', d.job ? `job ${d.job}` : ''].filter(Boolean).join(', ');
  return `${where}${d.severity} ${d.code}: ${d.message}${tail ? ` (${tail})` : ''}`;
}

/** Code-point order: the same on every machine (localeCompare depends on the locale, and starts ICU). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order for printing: file, line, code, message. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
