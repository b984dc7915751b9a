/**
 * The number issue 4 asks for: a fresh `node dist/cli.js convert <corpus> --out <new dir>` process, timed from
 * spawn to exit (imports, reading integration/config, conversion, every file and report written). Each run
 * writes into a new directory; the directories are removed when the bench exits, so cleanup is never timed.
 * Named zz- so it runs after the in-process phases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';

const parent = mkdtempSync(path.join(tmpdir(), 'j2a-bench-e2e-'));
process.on('exit', () => rmSync(parent, { recursive: true, force: true }));
let n = 0;

export const phases: BenchPhase[] = [
  {
    name: 'e2e: fresh process `j2a convert <corpus> --out <new dir>`',
    available: (ctx: BenchContext) => existsSync(path.join(ctx.repoRoot, 'dist', 'cli.js')) || 'needs dist/cli.js (npm run build)',
    run: (ctx: BenchContext) => {
      const out = path.join(parent, `out-${n++}`);
      const r = spawnSync(process.execPath, [path.join(ctx.repoRoot, 'dist', 'cli.js'), 'convert', ctx.corpusRoot, '--out', out], { stdio: 'ignore' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`j2a convert exited ${String(r.status ?? r.signal)}`);
    },
  },
];
