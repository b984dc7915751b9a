/**
 * The batch: converts every selected project with bounded concurrency, writes each project's plan and
 * reports as soon as it is ready, then the integration/config entries and the corpus summary. One project's
 * failure becomes a `failed` outcome and never stops the others.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { JobTranslation } from '../convert/types.js';
import type { ConvertInputs, Translate } from '../convert/inputs.js';
import { pipelineDir, projectConverter, type ConvertContext, type ProjectPlan } from '../convert/project.js';
import { convertDiagnostic } from '../convert/codes.js';
import { countShortNames, jjbNameFor, parseTriggerJob } from '../emit/integration.js';
import { DEFAULT_NAMING } from '../emit/pipelines.js';
import { BLUBBER_FILE, GENERATED_MARK } from '../emit/pipeline-config.js';
import { loadValidators, type Validators } from '../emit/validate.js';
import { dumpYaml, dumpYamlList, type YamlOut } from '../emit/yaml.js';
import { applyPlan, removeGenerated, type ApplyResult } from '../fs/apply.js';
import { openOutput } from '../fs/stage.js';
import { inThreadWriter, type OutputWriter } from './helper.js';
import { planRenderer } from './reports.js';
import { summarize, summaryJson, summaryMd, type ProjectOutcome, type Summary } from '../report/summary.js';
import { runLimited } from './limit.js';
import { selectProjects } from './glob.js';

export interface ConvertOptions {
  out: string;
  /** --project globs; empty: every project */
  projects: readonly string[];
  concurrency: number;
  force: boolean;
  /** directory holding the reference schemas; undefined: built-in structural check */
  schemasDir: string | undefined;
  /** validators already compiled from `schemasDir` (compiling takes ~100 ms: the CLI does it while JJB is read) */
  validators?: Validators;
  /** the Zuul job of archived repositories */
  archivedMarker: string;
  /** Zuul's internal no-op job */
  noopJob: string;
  /** called after each project (progress display) */
  onProgress?: (done: number, total: number) => void;
  /** creates the files of a new output directory (e.g. in a helper thread); default: in this thread */
  writer?: OutputWriter;
}

export const DEFAULT_MARKERS = { archivedMarker: 'fail-archived-repositories', noopJob: 'noop' } as const;

export interface ConvertRun {
  outcomes: ProjectOutcome[];
  summary: Summary;
  refused: ApplyResult['refused'];
  diagnostics: Diagnostic[];
}

export const INTEGRATION_FILES = {
  layoutProjects: 'integration-config/zuul/layout-projects.yaml',
  layoutJobs: 'integration-config/zuul/layout-jobs.yaml',
  jjb: 'integration-config/jjb/project-pipelines.yaml',
} as const;

/** Each job is translated once, whatever the number of projects running it; its diagnostics are kept once. */
function memoTranslate(inputs: ConvertInputs, translate: Translate, diagnostics: Diagnostic[]): (job: string) => JobTranslation | undefined {
  const memo = new Map<string, JobTranslation | undefined>();
  return (job) => {
    if (memo.has(job)) return memo.get(job);
    const r = translate(job, inputs.jobs.get(job));
    diagnostics.push(...r.diagnostics);
    memo.set(job, r.translation);
    return r.translation;
  };
}

/** JJB project names in use: the input's, plus those of existing `trigger-<name>-pipeline-*` jobs. */
function usedJjbNames(inputs: ConvertInputs): Set<string> {
  const names = new Set(inputs.jjbProjectNames);
  for (const job of inputs.jobs.keys()) {
    const t = parseTriggerJob(job);
    if (t) names.add(t.name);
  }
  return names;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Converts and writes the selected projects. A new `opts.out` is built in a staging directory and appears
 * complete or not at all; an existing one is updated file by file.
 */
export async function convertCorpus(inputs: ConvertInputs, translate: Translate, opts: ConvertOptions): Promise<ConvertRun> {
  const target = openOutput(opts.out);
  // Into a new directory every file is created blind (nothing there to compare with or protect).
  const writer = target.staged ? (opts.writer ?? inThreadWriter()) : undefined;
  try {
    const run = await convertInto(target.root, writer, inputs, translate, opts);
    await writer?.flush();
    target.commit();
    return run;
  } catch (err) {
    await writer?.flush().catch(() => undefined); // no write may land after the staging directory is removed
    target.abort();
    throw err;
  }
}

/** Writes `files` under `root`: blind through `writer` into a new directory, else compared and protected. */
type Emit = (files: ReadonlyMap<string, string>) => ApplyResult;

/** Plans whose files go to the writer together (one message per batch, not per project). */
const PLAN_BATCH = 64;

async function convertInto(root: string, writer: OutputWriter | undefined, inputs: ConvertInputs, translate: Translate, opts: ConvertOptions): Promise<ConvertRun> {
  const validators = opts.validators ?? loadValidators(opts.schemasDir);
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  if (validators.mode === 'structural') diagnostics.push(convertDiagnostic('convert-schemas-missing', { data: { dir: opts.schemasDir ?? '' } }));
  const translationOf = memoTranslate(inputs, translate, diagnostics);
  const shortNames = countShortNames(inputs.projects.keys());
  const jjbNames = usedJjbNames(inputs);
  const ctx: ConvertContext = {
    translationOf,
    queueSize: (pipeline, project) => inputs.queueSizes.get(pipeline)?.get(project),
    defined: (job) => inputs.jobs.has(job),
    jjbNameOf: (project) => jjbNameFor(project, shortNames, jjbNames),
    validators,
    naming: DEFAULT_NAMING,
    archivedMarker: opts.archivedMarker,
    noopJob: opts.noopJob,
  };
  const convertProject = projectConverter(ctx);
  const selected = selectProjects(inputs.projects.keys(), opts.projects);
  const madeDirs = new Map<string, boolean>();
  const emit: Emit = writer
    ? (files) => {
        writer.write(root, files);
        return { written: [...files.keys()], unchanged: [], refused: [] };
      }
    : (files) => applyPlan(root, files, { force: opts.force, generatedMark: GENERATED_MARK, madeDirs });
  const refused: ApplyResult['refused'] = [];
  let toWrite: ProjectPlan[] = [];
  const sendPlans = (): void => {
    if (toWrite.length) writer!.writePlans(root, toWrite);
    toWrite = [];
  };
  const renderReports = planRenderer();
  let done = 0;
  const settled = await runLimited(selected, opts.concurrency, async (project) => {
    const plan = convertProject(project, inputs.projects.get(project)!);
    let applied: ApplyResult;
    if (writer) {
      applied = { written: [...plan.files.keys()], unchanged: [], refused: [] };
      toWrite.push(plan);
      if (toWrite.length >= PLAN_BATCH) sendPlans();
    } else applied = emit(new Map([...plan.files, ...renderReports(plan)]));
    if (!writer && plan.files.size === 0 && madeDirs.get(path.join(root, 'reports', path.dirname(project))) === false) {
      // an earlier run may have converted this project; its generated files must not outlive that
      removeGenerated(root, [`${pipelineDir(project)}/config.yaml`, `${pipelineDir(project)}/${BLUBBER_FILE}`], GENERATED_MARK);
    }
    for (const r of applied.refused) plan.result.diagnostics.push(convertDiagnostic('convert-overwrite-refused', { repo: project, file: r.path }));
    refused.push(...applied.refused);
    opts.onProgress?.(++done, selected.length);
    return plan;
  });
  if (writer) sendPlans();
  const outcomes: ProjectOutcome[] = settled.map((s, i) => {
    const project = selected[i]!;
    if (s.ok) return { project, plan: s.value };
    const failed = { code: 'convert-project-failed', message: errorMessage(s.error) };
    diagnostics.push(convertDiagnostic('convert-project-failed', { repo: project, data: { error: failed.message } }));
    return { project, failed };
  });

  const layoutProjects: YamlOut[] = [];
  const layoutJobs: YamlOut[] = [];
  const jjb: YamlOut[] = [];
  for (const o of outcomes) {
    if (!('plan' in o) || !o.plan.integration) continue;
    layoutProjects.push(o.plan.integration.layout);
    layoutJobs.push(...o.plan.integration.layoutJobs);
    jjb.push(o.plan.integration.jjb);
  }
  const head = `# ${GENERATED_MARK}: entries for the converted projects; merge them into integration/config.\n`;
  const summary = summarize(outcomes, translationOf, validators.mode);
  const corpusFiles = new Map([
    [INTEGRATION_FILES.layoutProjects, head + dumpYaml({ projects: layoutProjects })],
    [INTEGRATION_FILES.layoutJobs, head + dumpYaml({ jobs: layoutJobs })],
    [INTEGRATION_FILES.jjb, head + dumpYamlList(jjb)],
    ['summary.json', summaryJson(summary)],
    ['summary.md', summaryMd(summary)],
  ]);
  emit(corpusFiles);
  return { outcomes, summary, refused, diagnostics };
}
