/**
 * `j2a jjb expand <path...>`: load + expand like `jenkins-jobs test` (JJB 4.x) and print the jobs.
 *   --format jsonl  one `{"order":N,"name":...,"job":{...}}` line per job, generation order, Python json.dumps style
 *   --format names  job names, byte order
 * Diagnostics go to stderr. Exit 2: unusable input; 1: jobs produced but with errors; 0: clean.
 */
import { Command, Option } from 'commander';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { readJjbConf } from './conf.js';
import { expandJobs } from './expand.js';
import { loadJjb, type LoadJjbOptions } from './load.js';
import { expandMacros } from './macros.js';
import { toPyJson } from './pyjson.js';

/** Loader codes after which the input is not usable at all (JJB would not start generating). */
const FATAL = new Set(['jjb-input-missing', 'jjb-input-unreadable', 'jjb-yaml-syntax', 'jjb-not-a-list', 'jjb-bad-conf']);

interface ExpandFlags {
  conf?: string;
  includePath?: string[];
  allowEmptyVariables?: boolean;
  expandMacros?: boolean;
  format: 'jsonl' | 'names';
  root?: string;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function runExpand(paths: string[], flags: ExpandFlags): { stdout: string; diagnostics: Diagnostic[]; exitCode: number } {
  const diagnostics: Diagnostic[] = [];
  const root = flags.root ?? process.cwd();
  const options: LoadJjbOptions = { root };
  if (flags.conf) {
    const conf = readJjbConf(flags.conf, root);
    diagnostics.push(...conf.diagnostics);
    Object.assign(options, conf.options);
  }
  if (flags.includePath?.length) options.includePath = flags.includePath;
  if (flags.allowEmptyVariables) options.allowEmptyVariables = true;
  const loaded = loadJjb(paths, options);
  diagnostics.push(...loaded.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error' && FATAL.has(d.code)) || loaded.files.length === 0) {
    return { stdout: '', diagnostics, exitCode: 2 };
  }
  const expanded = expandJobs(loaded);
  diagnostics.push(...expanded.diagnostics);
  let jobs = expanded.jobs;
  if (flags.expandMacros) {
    jobs = jobs.map((j) => {
      const m = expandMacros(j, loaded);
      diagnostics.push(...m.diagnostics);
      return m.job;
    });
  }
  const lines =
    flags.format === 'names'
      ? jobs
          .map((j) => j.name)
          .sort(compareBytes)
          .map((n) => `${n}\n`)
      : jobs.map((j, order) => `{"order":${order},"name":${toPyJson(j.name)},"job":${toPyJson(j.job)}}\n`);
  return { stdout: lines.join(''), diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0 };
}

/** Registers `j2a jjb ...`. */
export function registerJjbCommands(program: Command): void {
  const jjb = program.command('jjb').description('Jenkins Job Builder (4.x) loading and expansion');
  jjb
    .command('expand')
    .description('expand JJB YAML into job dicts exactly as JJB 4.3.0 does')
    .argument('<path...>', 'YAML files or directories (direct *.yaml/*.yml entries)')
    .option('--conf <file>', 'JJB ini file ([job_builder] settings)')
    .option('--include-path <dir...>', 'include search roots (default: the current directory)')
    .option('--allow-empty-variables', 'undefined template variables become empty strings')
    .option('--expand-macros', 'also expand macros (builders, publishers, ...) into built-in components')
    .option('--root <dir>', "JJB's working directory (default: the current directory)")
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'names']).default('jsonl'))
    .action((paths: string[], flags: ExpandFlags) => {
      const r = runExpand(paths, flags);
      for (const d of sortDiagnostics(r.diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stdout.write(r.stdout);
      process.exitCode = r.exitCode;
    });
}
