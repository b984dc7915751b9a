/**
 * Creating the files of a fresh directory (a staging directory, stage.ts): nothing exists there, so there is
 * nothing to compare with or protect, and no temp file + rename per file (the directory is renamed as a whole).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Files written into a fresh staging directory, possibly in the background (src/run/helper.ts). */
export interface StagedWriter {
  write(root: string, files: Iterable<readonly [string, string]>): void;
  /** resolves when every file is written; rejects with a WriteError for the first write that failed */
  flush(): Promise<void>;
}

/** The output could not be written (disk full, permissions...): the run stops and writes nothing at `--out`. */
export class WriteError extends Error {
  override name = 'WriteError';
}

/**
 * The in-thread writer: each file is written when `write` is called. The first failure is kept and the writes
 * after it are skipped (the run will be aborted); `flush` reports it.
 */
export class NewFileWriter implements StagedWriter {
  private readonly dirs = new Set<string>();
  /** the first failed write, if any */
  error: string | undefined;

  write(root: string, files: Iterable<readonly [string, string]>): void {
    for (const [rel, text] of files) this.create(root, rel, text);
  }

  private create(root: string, rel: string, data: string): void {
    if (this.error !== undefined) return;
    const file = path.join(root, rel);
    try {
      const dir = path.dirname(file);
      if (!this.dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.dirs.add(dir);
      }
      writeFileSync(file, data);
    } catch (err) {
      this.error = `cannot write the output: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  async flush(): Promise<void> {
    if (this.error !== undefined) throw new WriteError(this.error);
  }
}
