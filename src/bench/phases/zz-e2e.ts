/**
 * The number issue 4 asks for: a fresh `node dist/cli.js convert <corpus> --out <new dir>` process, timed from
 * spawn to exit (imports, reading integration/config, conversion, every file and report written), with the
 * helper thread (the default) and with `--threads 1`. Named zz- so it runs after the in-process phases.
 * Each run writes a new directory after an untimed `sync` (../output-dirs.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';
import { outputDirs } from '../output-dirs.js';

const dirs = outputDirs('j2a-bench-e2e-');

function e2e(name: string, extra: string[]): BenchPhase {
  return {
    name,
    available: (ctx: BenchContext) => existsSync(path.join(ctx.repoRoot, 'dist', 'cli.js')) || 'needs dist/cli.js (npm run build)',
    prepare: dirs.syncFirst,
    run: (ctx: BenchContext) => {
      const out = dirs.next();
      const r = spawnSync(process.execPath, [path.join(ctx.repoRoot, 'dist', 'cli.js'), 'convert', ctx.corpusRoot, '--out', out, ...extra], { stdio: 'ignore' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`j2a convert exited ${String(r.status ?? r.signal)}`);
    },
  };
}

export const phases: BenchPhase[] = [
  e2e('e2e: fresh process `j2a convert <corpus> --out <new dir>`', []),
  e2e('e2e: the same with --threads 1', ['--threads', '1']),
];
