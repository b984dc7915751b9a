/**
 * `npm run bench [-- --runs N]`: runs every phase of src/bench/phases/*.ts N times (default 5) on
 * the shared corpus (../shared/corpus/integration-config) or, without it, the sample corpus/, and
 * prints per-phase min/median wall time and the peak RSS of this process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../repo-root.js';
import type { BenchContext, BenchPhase, BenchPhaseModule } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = REPO_ROOT;

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  const n = i >= 0 ? Number(argv[i + 1]) : 5;
  if (!Number.isInteger(n) || n < 1) throw new Error('--runs needs a positive integer');
  return n;
}

function corpus(): { root: string; shared: boolean } | undefined {
  const shared = path.resolve(repoRoot, '..', 'shared', 'corpus', 'integration-config');
  if (existsSync(shared)) return { root: shared, shared: true };
  const sample = path.join(repoRoot, 'corpus');
  return existsSync(sample) ? { root: sample, shared: false } : undefined;
}

async function loadPhases(): Promise<BenchPhase[]> {
  const dir = path.join(here, 'phases');
  const files = readdirSync(dir)
    .filter((f) => /\.(js|ts)$/u.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const out: BenchPhase[] = [];
  for (const f of files) out.push(...((await import(pathToFileURL(path.join(dir, f)).href)) as BenchPhaseModule).phases);
  return out;
}

const ms = (x: number): string => `${x.toFixed(1).padStart(8)} ms`;

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  const c = corpus();
  if (!c) {
    console.log('bench: skipped, neither ../shared/corpus/integration-config nor corpus/ exists');
    return;
  }
  console.log(`bench: ${runs} runs on ${c.shared ? 'shared corpus' : 'sample corpus'} ${c.root}`);
  // File creation costs depend on the file system's recent history (see zz-e2e.ts): say where the output goes.
  console.log(`bench: output directories under ${tmpdir()} (TMPDIR), removed at exit`);
  const phases = await loadPhases();
  const ctx: BenchContext = { repoRoot, corpusRoot: c.root, shared: c.shared, state: new Map() };
  const times = new Map<string, number[]>();
  const skipped = new Map<string, string>();
  for (const p of phases) {
    const ok = p.available ? p.available(ctx) : true;
    if (ok !== true) skipped.set(p.name, ok);
  }
  for (let r = 0; r < runs; r++) {
    ctx.state.clear();
    for (const p of phases) {
      if (skipped.has(p.name)) continue;
      p.prepare?.(ctx);
      const t0 = performance.now();
      await p.run(ctx);
      const list = times.get(p.name) ?? [];
      list.push(performance.now() - t0);
      times.set(p.name, list);
    }
  }
  const width = Math.max(...phases.map((p) => p.name.length));
  for (const p of phases) {
    const reason = skipped.get(p.name);
    if (reason) {
      console.log(`${p.name.padEnd(width)}  skipped: ${reason}`);
      continue;
    }
    const t = [...(times.get(p.name) ?? [])].sort((a, b) => a - b);
    console.log(`${p.name.padEnd(width)}  min ${ms(t[0])}  median ${ms(t[Math.floor(t.length / 2)])}`);
  }
  console.log(`peak RSS (this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
}

await main();
