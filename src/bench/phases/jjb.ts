/** JJB phases: load the corpus jjb/, expand jobs, print them, expand macros; then a fresh `j2a jjb expand` process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expandJobs } from '../../jjb/expand.js';
import { loadJjb } from '../../jjb/load.js';
import { expandMacros } from '../../jjb/macros.js';
import { toPyJson } from '../../jjb/pyjson.js';
import type { ExpandedJob, LoadedJjb } from '../../jjb/types.js';
import type { BenchContext, BenchPhase } from '../types.js';

const hasJjb = (ctx: BenchContext): true | string =>
  existsSync(path.join(ctx.corpusRoot, 'jjb')) ? true : `no jjb/ in ${ctx.corpusRoot}`;

export const phases: BenchPhase[] = [
  {
    name: 'jjb load',
    available: hasJjb,
    run(ctx) {
      ctx.state.set('jjb.loaded', loadJjb(['jjb'], { root: ctx.corpusRoot }));
    },
  },
  {
    name: 'jjb expand',
    available: hasJjb,
    run(ctx) {
      ctx.state.set('jjb.jobs', expandJobs(ctx.state.get('jjb.loaded') as LoadedJjb).jobs);
    },
  },
  {
    name: 'jjb output (jsonl)',
    available: hasJjb,
    run(ctx) {
      const jobs = ctx.state.get('jjb.jobs') as ExpandedJob[];
      ctx.state.set('jjb.jsonl', jobs.map((j) => `${toPyJson(j.name)}${toPyJson(j.job)}\n`).join(''));
    },
  },
  {
    name: 'jjb macros',
    available: hasJjb,
    run(ctx) {
      const loaded = ctx.state.get('jjb.loaded') as LoadedJjb;
      for (const job of ctx.state.get('jjb.jobs') as ExpandedJob[]) expandMacros(job, loaded);
    },
  },
  {
    name: 'process: j2a jjb expand --format jsonl',
    available: (ctx) => {
      const ok = hasJjb(ctx);
      if (ok !== true) return ok;
      return existsSync(path.join(ctx.repoRoot, 'dist', 'cli.js')) ? true : 'dist/cli.js missing (npm run build)';
    },
    run(ctx) {
      const cli = path.join(ctx.repoRoot, 'dist', 'cli.js');
      const r = spawnSync(process.execPath, [cli, 'jjb', 'expand', path.join(ctx.corpusRoot, 'jjb'), '--format', 'jsonl'], {
        cwd: ctx.corpusRoot,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(`j2a jjb expand exited ${r.status}`);
    },
  },
];
