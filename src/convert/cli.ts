/** `j2a convert <integration-config dir>`: parse flags, run the batch, print the summary, set the exit code. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError, formatDiagnostic } from '../diagnostics.js';
import { WriteError } from '../fs/new-files.js';
import { startHelper, type Helper } from '../run/helper.js';
import { schemasDir } from './schemas-dir.js';
import { CONVERT_OPTIONS } from './options.js';
import type { ConvertInputs, ConvertJob, Translate } from './inputs.js';
import type { ConvertOptions, ConvertRun } from '../run/batch.js';

interface RawOptions {
  out: string;
  project?: string[];
  concurrency: string;
  json?: boolean;
  force?: boolean;
  schemas?: string;
  fromGolden?: string;
  threads: string;
}


/** The golden shapes (development aid) instead of the checkout. */
async function readGolden(goldenDir: string): Promise<ConvertInputs> {
  const jsonl = path.join(goldenDir, 'jjb-expanded-jobdicts.jsonl');
  const trees = path.join(goldenDir, 'zuul-jobtrees.json');
  if (!existsSync(jsonl) || !existsSync(trees)) throw new ConfigError(`--from-golden: ${goldenDir} lacks jjb-expanded-jobdicts.jsonl or zuul-jobtrees.json`);
  const summary = path.join(goldenDir, 'jjb-expanded-jobs.json');
  const post = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')) : { jobs: {}, scripts: {} };
  const { inputsFromGolden } = await import('./inputs.js');
  return inputsFromGolden(readFileSync(jsonl, 'utf8'), post, JSON.parse(readFileSync(trees, 'utf8')));
}

/** The batch options the command line sets (the validators come with the rules and the Zuul layout). */
type RunOptions = Omit<ConvertOptions, 'validators' | keyof typeof import('../run/batch.js').DEFAULT_MARKERS>;

/**
 * Reads the rules and the inputs, and converts. JJB, the longest read, goes to the helper thread first; the rules
 * and the Zuul layout are read here meanwhile. JJB jobs arrive in slices: they are translated as they come, and
 * into a new directory the batch converts each project as soon as its jobs have all arrived (ConvertBatch), while
 * this thread would otherwise wait.
 */
async function readAndConvert(dir: string, raw: RawOptions, helper: Helper, opts: RunOptions): Promise<ConvertRun> {
  const root = path.resolve(dir);
  if (!raw.fromGolden && (!existsSync(path.join(root, 'jjb')) || !existsSync(path.join(root, 'zuul', 'layout.yaml')))) {
    throw new ConfigError(`${dir} has no jjb/ directory or zuul/layout.yaml`);
  }
  const [{ rulesTranslator }, { ConvertBatch, DEFAULT_MARKERS }] = await Promise.all([import('./translator.js'), import('../run/batch.js')]);
  const batchOptions = (validators: ConvertOptions['validators']): ConvertOptions => ({ ...opts, ...DEFAULT_MARKERS, validators });
  let rules: ReturnType<typeof rulesTranslator> | undefined;
  let batch: InstanceType<typeof ConvertBatch> | undefined;
  /** jobs that came before the batch was made (it gets them once made), and before the rules were loaded */
  const beforeBatch: ConvertJob[] = [];
  const untranslated: ConvertJob[] = [];
  const early = new Map<string, ReturnType<Translate>>();
  const onJobs = (jobs: readonly ConvertJob[]): void => {
    if (!batch) beforeBatch.push(...jobs);
    untranslated.push(...jobs);
    if (!rules) return; // the slices that come before the rules wait for them
    for (const j of untranslated.splice(0)) {
      if (early.has(j.name)) continue;
      try {
        early.set(j.name, rules.translate(j.name, j));
      } catch {
        // a bug in a rule's application: left to the batch, which makes it the failure of the projects running the job
      }
    }
    batch?.arrived(jobs);
  };
  const jjb = raw.fromGolden ? undefined : helper.readJjb(root, onJobs);
  jjb?.catch(() => undefined); // awaited below; a rule error thrown first must not leave it unhandled
  const loaded = rulesTranslator();
  rules = loaded;
  // a name JJB defines twice keeps its first job, as in assembleInputs, so an early translation is the one the batch would make
  const translate: Translate = (name, job) => early.get(name) ?? loaded.translate(name, job);
  if (!jjb) {
    const inputs = await readGolden(raw.fromGolden!);
    inputs.diagnostics.push(...loaded.diagnostics);
    const { loadValidators } = await import('../emit/validate.js');
    return new ConvertBatch(inputs, translate, batchOptions(loadValidators(opts.schemasDir))).finish(inputs);
  }
  const [{ readZuulInputs }, { assembleInputs }, { loadValidators }] = await Promise.all([import('./resolved.js'), import('./inputs.js'), import('../emit/validate.js')]);
  const zuul = readZuulInputs(root);
  batch = new ConvertBatch(zuul, translate, batchOptions(loadValidators(opts.schemasDir)));
  onJobs([]);
  batch.arrived(beforeBatch.splice(0));
  let inputs: ConvertInputs;
  try {
    inputs = assembleInputs(await jjb, zuul);
  } catch (err) {
    await batch.abort();
    throw err;
  }
  inputs.diagnostics.push(...loaded.diagnostics);
  return batch.finish(inputs);
}

async function runConvert(dir: string, raw: RawOptions): Promise<number> {
  const concurrency = Number(raw.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigError(`--concurrency must be a positive integer, got ${raw.concurrency}`);
  const threads = Number(raw.threads);
  if (threads !== 1 && threads !== 2) throw new ConfigError(`--threads must be 1 or 2, got ${raw.threads}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`${dir} is not a directory`);
  const helper = startHelper(threads);
  try {
    return await convertWith(dir, raw, concurrency, helper);
  } finally {
    helper.dispose();
  }
}

async function convertWith(dir: string, raw: RawOptions, concurrency: number, helper: Helper): Promise<number> {
  const tty = process.stderr.isTTY === true;
  const [run, { summaryJson, summaryTable }] = await Promise.all([
    readAndConvert(dir, raw, helper, {
      out: raw.out,
      projects: raw.project ?? [],
      concurrency,
      force: raw.force === true,
      schemasDir: schemasDir(raw.schemas),
      onProgress: tty ? (done, total) => process.stderr.write(`\rconverting ${done}/${total}`) : undefined,
      writer: helper,
    }),
    import('../report/summary.js'),
  ]);
  if (tty) process.stderr.write('\n');
  for (const d of run.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  let bugs = 0;
  for (const o of run.outcomes) {
    if (!('plan' in o)) continue;
    for (const d of o.plan.result.diagnostics) {
      if (d.severity === 'info') continue;
      if (d.severity === 'error') bugs++;
      process.stderr.write(`${formatDiagnostic(d)}\n`);
    }
  }
  if (raw.json) process.stdout.write(summaryJson(run.summary));
  else {
    for (const r of run.refused) process.stdout.write(r.diff);
    process.stdout.write(summaryTable(run.summary));
  }
  // An entry no rule accounts for is not "accounted for": the run is incomplete (exit 1), as a failed project is.
  const unmatched = run.diagnostics.some((d) => d.code === 'rule-no-match');
  return run.summary.failed.length > 0 || bugs > 0 || unmatched ? 1 : 0;
}

/** Registers `j2a convert`. */
export function registerConvertCommand(program: Command): void {
  const cmd = program
    .command('convert')
    .description('convert an integration/config checkout to PipelineLib/Blubber files, integration entries and parity reports')
    .argument('<dir>', 'integration/config checkout (jjb/ and zuul/layout.yaml)');
  for (const o of CONVERT_OPTIONS) cmd.option(o.flags, o.description, o.default);
  cmd.action(async (dir: string, raw: RawOptions) => {
    try {
      process.exitCode = await runConvert(dir, raw);
    } catch (err) {
      if (err instanceof WriteError) {
        process.stderr.write(`j2a convert: ${err.message}; nothing was written at ${raw.out}\n`);
        process.exitCode = 1;
        return;
      }
      if (!(err instanceof ConfigError)) throw err;
      process.stderr.write(`j2a convert: ${err.message}\n`);
      process.exitCode = 2;
    }
  });
}
