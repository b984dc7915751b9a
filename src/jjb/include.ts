/**
 * Finding and reading JJB include files (jjb-expansion.md §11–13): JJB's search order, the
 * MISSING-INCLUDE marker for absent files, and confinement to the include roots. Never reads a file
 * outside the roots, never follows `~`, never executes anything.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { jjbDiagnostic } from './codes.js';

/** Exactly what j2a uses as the content of an include it cannot read (§12): no trailing newline. */
export function missingIncludeMarker(pathAsWritten: string): string {
  return `MISSING-INCLUDE(${pathAsWritten})`;
}

/** JJB loads an include lazily when `path.format()` raises KeyError: a `{name}` field. */
export function isLazyPath(p: string): boolean {
  const fields = p.replace(/\{\{|\}\}/g, '').match(/\{[^{}]*\}/g) ?? [];
  return fields.some((f) => /^\{[^\d!:.[\]{}]/.test(f));
}

/** `{` and `}` doubled, as JJB's `!include-raw-escape:` does. */
export function escapeBraces(text: string): string {
  return text.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

export type IncludeLookup =
  | { kind: 'found'; file: string }
  | { kind: 'missing'; tried: string }
  | { kind: 'refused'; tried: string };

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function inside(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

/** Real path of an existing path, or its normalised form if it does not exist. */
function realOrNormal(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.normalize(p);
  }
}

/**
 * Resolves an include path as JJB 4.x `_find_file` does (each search dir in order, the first
 * existing file wins, else the path as written relative to `cwd`), then confines the result:
 * a `~` path, or a result whose real path is outside every root, is refused.
 */
export function findInclude(written: string, searchPath: readonly string[], roots: readonly string[], cwd: string): IncludeLookup {
  if (written.startsWith('~')) return { kind: 'refused', tried: written };
  let chosen: string | undefined;
  for (const dir of searchPath) {
    const candidate = path.resolve(dir, written);
    if (isFile(candidate)) {
      chosen = candidate;
      break;
    }
  }
  const target = chosen ?? path.resolve(cwd, written);
  const real = realOrNormal(target);
  if (!inside(real, roots)) {
    return { kind: 'refused', tried: target };
  }
  return chosen ? { kind: 'found', file: real } : { kind: 'missing', tried: target };
}

/** Python's universal-newline text read (`io.open(f, 'r', encoding='utf-8').read()`). */
export function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
}

export interface IncludeEnv {
  /** absolute search directories, in JJB order */
  searchPath: readonly string[];
  /** real paths of the include roots */
  roots: readonly string[];
  /** JJB's current directory (`.`), absolute */
  cwd: string;
}

/**
 * Reads one include as text. A missing or refused file gives the marker and a diagnostic at `where`;
 * `shown` is the path put into the marker (the path as written).
 */
export function readInclude(
  p: string,
  env: IncludeEnv,
  where: SourceLocation,
  diagnostics: Diagnostic[],
  shown: string = p,
): { text: string; file?: string } {
  const found = findInclude(p, env.searchPath, env.roots, env.cwd);
  if (found.kind === 'found') {
    try {
      return { text: readText(found.file), file: found.file };
    } catch {
      diagnostics.push(jjbDiagnostic('jjb-include-missing', `'${p}' (unreadable)`, where));
      return { text: missingIncludeMarker(shown) };
    }
  }
  const code = found.kind === 'refused' ? 'jjb-include-outside-root' : 'jjb-include-missing';
  diagnostics.push(jjbDiagnostic(code, `'${p}'`, where));
  return { text: missingIncludeMarker(shown) };
}

/** Unique real paths of existing directories (include roots). */
export function realDirs(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    const r = realOrNormal(d);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}
