/**
 * `j2a zuul jobs <layout.yaml> [--project NAME...] [--format json|table] [--jjb PATH]`.
 * json: `{"projects": ..., "queues": ...}` in the shape of shared/golden/zuul-jobtrees.json (compact, sorted keys);
 * table: project / pipeline / job / voting / filters. Diagnostics go to stderr as `file:line: severity code: msg`.
 * `--jjb` takes a list of JJB job names, one per line (the expander's job list); tree jobs outside it are reported.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
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

function readJobNames(path: string): Set<string> {
  if (!existsSync(path) || statSync(path).isDirectory()) {
    throw new InvalidArgumentError(`--jjb expects a file of JJB job names, one per line: ${path}`);
  }
  const names = readFileSync(path, 'utf8').split('\n').map((l) => l.trim());
  return new Set(names.filter((l) => l !== '' && !l.startsWith('#')));
}

export function runZuulJobs(layoutFile: string, opts: JobsOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (!existsSync(layoutFile)) {
    err(`j2a: layout not found: ${layoutFile}\n`);
    return 2;
  }
  const jjbJobNames = opts.jjb ? readJobNames(opts.jjb) : undefined;
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
    .option('--jjb <file>', 'JJB job names, one per line: report tree jobs JJB does not define')
    .action((layout: string, opts: JobsOptions) => {
      process.exitCode = runZuulJobs(layout, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
