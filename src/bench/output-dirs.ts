/**
 * Output directories for the phases that write a whole conversion (convert.ts, zz-e2e.ts), fair to the file
 * system: each run writes into a new directory, and `sync` (untimed, the phase's `prepare`) first writes back what
 * earlier runs left dirty, so a run does not pay for the write-back of the previous one (on this VM's ext4 that
 * made file creation 2-10x slower). The directories are removed when the bench exits: removing thousands of files
 * makes the next creations slow for a while, so cleanup is neither timed nor done between runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** New directories under one parent in $TMPDIR (made at the first call), removed at exit. */
export function outputDirs(prefix: string): { next(): string; syncFirst(): void } {
  let parent: string | undefined;
  let n = 0;
  return {
    next() {
      if (!parent) {
        const made = (parent = mkdtempSync(path.join(tmpdir(), prefix)));
        process.once('exit', () => rmSync(made, { recursive: true, force: true }));
      }
      return path.join(parent, `out-${n++}`);
    },
    syncFirst: () => void spawnSync('sync', { stdio: 'ignore' }),
  };
}
