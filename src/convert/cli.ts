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
import type { Validators } from '../emit/validate.js';

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

/**
 * Reads the rules and the inputs. JJB, the longest read, goes to the helper thread first; the rules and the
 * Zuul layout are read here meanwhile.
 */
async function readAll(dir: string, raw: RawOptions, helper: Helper): Promise<{ inputs: ConvertInputs; translate: Translate; validators: Validators }> {
  const root = path.resolve(dir);
  if (!raw.fromGolden && (!existsSync(path.join(root, 'jjb')) || !existsSync(path.join(root, 'zuul', 'layout.yaml')))) {
    throw new ConfigError(`${dir} has no jjb/ directory or zuul/layout.yaml`);
  }
  // Jobs arrive in slices while the helper reads; once the rules are loaded they are translated as they come,
  // while this thread would otherwise wait. Translation is pure: the batch gets the same results, only earlier.
  let rules: ReturnType<typeof import('./translator.js').rulesTranslator> | undefined;
  const waiting: ConvertJob[] = [];
  const early = new Map<string, ReturnType<Translate>>();
  const pretranslate = (jobs: readonly ConvertJob[]): void => {
    waiting.push(...jobs);
    if (!rules) return; // the slices that come before the rules wait for them
    for (const j of waiting.splice(0)) if (!early.has(j.name)) early.set(j.name, rules.translate(j.name, j));
  };
  const jjb = raw.fromGolden ? undefined : helper.readJjb(root, pretranslate);
  jjb?.catch(() => undefined); // awaited below; a rule error thrown first must not leave it unhandled
  const { rulesTranslator } = await import('./translator.js');
  const loaded = rulesTranslator();
  rules = loaded;
  const [{ readZuulInputs }, { assembleInputs }, { loadValidators }] = await Promise.all([import('./resolved.js'), import('./inputs.js'), import('../emit/validate.js')]);
  const zuul = jjb ? readZuulInputs(root) : undefined;
  const validators = loadValidators(schemasDir(raw.schemas));
  pretranslate([]);
  const inputs = jjb ? assembleInputs(await jjb, zuul!) : await readGolden(raw.fromGolden!);
  inputs.diagnostics.push(...loaded.diagnostics);
  // a name JJB defines twice keeps its first job, as in assembleInputs, so an early translation is the one the batch would make
  const translate: Translate = (name, job) => early.get(name) ?? loaded.translate(name, job);
  return { inputs, translate, validators };
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
  const [{ inputs, translate, validators }, { convertCorpus, DEFAULT_MARKERS }, { summaryJson, summaryTable }] = await Promise.all([
    readAll(dir, raw, helper),
    import('../run/batch.js'),
    import('../report/summary.js'),
  ]);
  const tty = process.stderr.isTTY === true;
  const run = await convertCorpus(inputs, translate, {
    out: raw.out,
    projects: raw.project ?? [],
    concurrency,
    force: raw.force === true,
    schemasDir: schemasDir(raw.schemas),
    validators,
    ...DEFAULT_MARKERS,
    onProgress: tty ? (done, total) => process.stderr.write(`\rconverting ${done}/${total}`) : undefined,
    writer: helper,
  });
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
