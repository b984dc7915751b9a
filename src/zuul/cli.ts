/**
 * `j2a zuul jobs <layout.yaml> [--project NAME...] [--format json|table] [--jjb PATH]`.
 * json: `{"projects": ..., "queues": ...}` in the shape of shared/golden/zuul-jobtrees.json (compact, sorted keys);
 * table: project / pipeline / job / voting / filters. Diagnostics go to stderr as `file:line: severity code: msg`.
 * `--jjb PATH`: the JJB jobs; tree jobs JJB does not define are reported. PATH is a JJB directory (expanded with the
 * JJB stage: `loadJjb` + `expandJobs` of src/jjb, loaded on demand) or a file of job names, one per line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { toGoldenShape } from './golden.js';
import { loadLayout } from './parse.js';
import { resolveLayout } from './resolve.js';
import { formatJobTable } from './table.js';

interface JobsOptions {
  project?: string[];
  format: 'json' | 'table';
  jjb?: string;
}

interface JjbStage {
  loadJjb: (inputs: string[], opts: { root: string }) => unknown;
  expandJobs: (loaded: unknown) => { jobs: { name: string }[] };
}

/** The names of the jobs JJB generates from a directory, or listed in a file (one per line, `#` comments). */
export async function readJobNames(p: string): Promise<Set<string>> {
  if (!existsSync(p)) throw new InvalidArgumentError(`--jjb: not found: ${p}`);
  if (statSync(p).isDirectory()) {
    // Loaded by name so this stage builds without the JJB stage; the JJB stage owns src/jjb/index.ts.
    const spec = '../jjb/index.js';
    const jjb = ((await import(spec).catch(() => ({}))) ?? {}) as Partial<JjbStage>;
    if (!jjb.loadJjb || !jjb.expandJobs) throw new InvalidArgumentError('--jjb DIR needs the JJB stage (src/jjb); pass a file of job names');
    const root = path.dirname(path.resolve(p));
    return new Set(jjb.expandJobs(jjb.loadJjb([path.resolve(p)], { root })).jobs.map((j) => j.name));
  }
  const names = readFileSync(p, 'utf8').split('\n').map((l) => l.trim());
  return new Set(names.filter((l) => l !== '' && !l.startsWith('#')));
}

export async function runZuulJobs(layoutFile: string, opts: JobsOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!existsSync(layoutFile)) {
    err(`j2a: layout not found: ${layoutFile}\n`);
    return 2;
  }
  let jjbJobNames: Set<string> | undefined;
  try {
    jjbJobNames = opts.jjb ? await readJobNames(opts.jjb) : undefined;
  } catch (e) {
    if (!(e instanceof InvalidArgumentError)) throw e;
    err(`j2a: ${e.message}\n`);
    return 2;
  }
  const parsed = loadLayout(layoutFile);
  const resolved = resolveLayout(parsed.layout, jjbJobNames ? { jjbJobNames } : {});
  const diags: Diagnostic[] = sortDiagnostics([...parsed.diagnostics, ...resolved.diagnostics]);
  for (const d of diags) err(formatDiagnostic(d) + '\n');
  if (parsed.diagnostics.some((d) => d.code === 'zuul-yaml-error')) return 2;
  const only = opts.project && opts.project.length > 0 ? new Set(opts.project) : undefined;
  if (only) for (const p of only) if (!resolved.projects.has(p)) err(`j2a: project not in any pipeline: ${p}\n`);
  if (opts.format === 'table') out(formatJobTable(resolved, only));
  else {
    const shape = toGoldenShape(resolved);
    if (only) {
      shape.projects = Object.fromEntries(Object.entries(shape.projects).filter(([p]) => only.has(p)));
      for (const [pipeline, queues] of Object.entries(shape.queues)) {
        shape.queues[pipeline] = queues.filter((q) => q.projects.some((p) => only.has(p)));
      }
    }
    out(JSON.stringify(shape) + '\n');
  }
  return hasErrors(diags) ? 1 : 0;
}

/** Registers `j2a zuul ...`. */
export function registerZuulCommands(program: Command): void {
  const zuul = program.command('zuul').description('Zuul v2 layout: job trees per project and pipeline, shared queues');
  zuul
    .command('jobs')
    .description('resolve zuul/layout.yaml as Zuul 2.5 does and print each project\'s job trees')
    .argument('<layout>', 'path to zuul/layout.yaml')
    .option('--project <name...>', 'only these projects (repeatable)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
    .option('--jjb <path>', 'JJB directory (or file of job names): report tree jobs JJB does not define')
    .action(async (layout: string, opts: JobsOptions) => {
      process.exitCode = await runZuulJobs(layout, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
