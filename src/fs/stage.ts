/**
 * All-or-nothing output for a new directory: the run writes into a staging directory beside `<out>`
 * (`<out>.j2a-tmp-<pid>`) with plain writes, and the staging directory is renamed to `<out>` at the end.
 * One rename instead of one per file (ext4 journals each rename); a failed run leaves no partial `<out>`.
 * An existing `<out>` is written in place, file by file (see apply.ts).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface OutputTarget {
  /** where this run writes */
  root: string;
  /** true when `root` is a fresh staging directory: nothing in it exists, files may be written directly */
  staged: boolean;
  /** makes the output visible at `<out>` (renames the staging directory) */
  commit(): void;
  /** removes what the run wrote when it did not complete (staging only; an existing `<out>` is left as is) */
  abort(): void;
}

export function stagingDir(out: string): string {
  return `${path.resolve(out)}.j2a-tmp-${process.pid}`;
}

export function openOutput(out: string): OutputTarget {
  if (existsSync(out)) return { root: out, staged: false, commit: () => undefined, abort: () => undefined };
  const root = stagingDir(out);
  rmSync(root, { recursive: true, force: true }); // a leftover of a crashed process that had our pid
  mkdirSync(root, { recursive: true });
  return {
    root,
    staged: true,
    commit: () => renameSync(root, out),
    abort: () => rmSync(root, { recursive: true, force: true }),
  };
}
