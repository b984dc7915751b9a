/**
 * The number issue 4 asks for: a fresh `node dist/cli.js convert <corpus> --out <new dir>` process, timed from
 * spawn to exit (imports, reading integration/config, conversion, every file and report written), with the
 * helper thread (the default) and with `--threads 1`. Named zz- so it runs after the in-process phases.
 *
 * Fair to the file system: each run writes into a new directory, and `sync` (untimed) first writes back what
 * earlier runs left dirty, so a run does not pay for the write-back of the previous one (on this VM's ext4 that
 * made file creation 2-10x slower). The directories are removed when the bench exits: removing thousands of
 * files makes the next creations slow for a while, so cleanup is neither timed nor done between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';

const parent = mkdtempSync(path.join(tmpdir(), 'j2a-bench-e2e-'));
process.on('exit', () => rmSync(parent, { recursive: true, force: true }));
let n = 0;

function e2e(name: string, extra: string[]): BenchPhase {
  return {
    name,
    available: (ctx: BenchContext) => existsSync(path.join(ctx.repoRoot, 'dist', 'cli.js')) || 'needs dist/cli.js (npm run build)',
    prepare: () => void spawnSync('sync', { stdio: 'ignore' }),
    run: (ctx: BenchContext) => {
      const out = path.join(parent, `out-${n++}`);
      const r = spawnSync(process.execPath, [path.join(ctx.repoRoot, 'dist', 'cli.js'), 'convert', ctx.corpusRoot, '--out', out, ...extra], { stdio: 'ignore' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`j2a convert exited ${String(r.status ?? r.signal)}`);
    },
  };
}

export const phases: BenchPhase[] = [
  e2e('e2e: fresh process `j2a convert <corpus> --out <new dir>`', []),
  e2e('e2e: the same with --threads 1', ['--threads', '1']),
];
