/**
 * The batch: converts every selected project, writes each project's plan and reports as soon as it is ready,
 * then the integration/config entries and the corpus summary. One project's failure becomes a `failed` outcome
 * and never stops the others.
 *
 * Into a new directory, a batch can start before the JJB read ends (`ConvertBatch.arrived`): a project whose
 * jobs have all arrived is converted at once. Everything it produces is what the whole-input pass would produce,
 * in the same order (outcomes in project order; translation diagnostics in the order of first use by project).
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { JobTranslation } from '../convert/types.js';
import type { ConvertInputs, ConvertJob, ProjectTrees, Translate, ZuulJobNode } from '../convert/inputs.js';
import { needsJjbName, pipelineDir, projectPlan, projectShapes, type ConvertContext, type ProjectPlan, type ProjectShape } from '../convert/project.js';
import { convertDiagnostic } from '../convert/codes.js';
import { countShortNames, jjbNameFor, parseTriggerJob } from '../emit/integration.js';
import { DEFAULT_NAMING } from '../emit/pipelines.js';
import { BLUBBER_FILE, GENERATED_MARK } from '../emit/pipeline-config.js';
import { loadValidators, type Validators } from '../emit/validate.js';
import { dumpYaml, dumpYamlList, type YamlOut } from '../emit/yaml.js';
import { applyPlan, removeGenerated, type ApplyResult } from '../fs/apply.js';
import { openOutput, type OutputTarget } from '../fs/stage.js';
import { inThreadWriter, type OutputWriter } from './helper.js';
import { planRenderer } from './reports.js';
import { summarize, summaryJson, summaryMd, type ProjectOutcome, type Summary } from '../report/summary.js';
import { runLimited, type Settled } from './limit.js';
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
  return new ConvertBatch(inputs, translate, opts).finish(inputs);
}

/** Writes `files` under `root`: blind through `writer` into a new directory, else compared and protected. */
type Emit = (files: ReadonlyMap<string, string>) => ApplyResult;

/** Plans whose files go to the writer together (one message per batch, not per project). */
const PLAN_BATCH = 64;

/** The Zuul side of the inputs: all a batch needs to start. */
export type ZuulSide = Pick<ConvertInputs, 'projects' | 'queueSizes'>;

/**
 * One conversion run: `arrived` (optional, repeatable) converts the projects whose jobs have all arrived,
 * `finish` converts the rest once the inputs are complete and writes the corpus files; `abort` when the inputs
 * cannot be completed.
 */
export class ConvertBatch {
  private readonly target: OutputTarget;
  /** into a new directory every file is created blind (nothing there to compare with or protect) */
  private readonly writer: OutputWriter | undefined;
  private readonly validators: Validators;
  private readonly selected: string[];
  private readonly settled: (Settled<ProjectPlan> | undefined)[];
  /** per selected project: the jobs whose translation its conversion asked for, in order */
  private readonly asked: string[][];
  private readonly translations = new Map<string, { translation: JobTranslation | undefined; diagnostics: Diagnostic[] }>();
  private readonly shapeOf: (project: string, trees: ProjectTrees) => ProjectShape;
  private readonly ctx: ConvertContext;
  private readonly emit: Emit;
  private readonly madeDirs = new Map<string, boolean>();
  private readonly refused: ApplyResult['refused'] = [];
  private readonly renderReports = planRenderer();
  private toWrite: ProjectPlan[] = [];
  private done = 0;
  /** the jobs arrived so far (`arrived`) */
  private readonly arrivedJobs = new Map<string, ConvertJob>();
  /** the jobs known so far: all of them once `finish` runs */
  private jobs: ReadonlyMap<string, ConvertJob> = this.arrivedJobs;
  private complete: ConvertInputs | undefined;
  /** made at the first `arrived`: per selected project, how many of its jobs have not arrived; who waits for a job */
  private readiness: { missing: number[]; waitingFor: Map<string, number[]> } | undefined;
  private asking: string[] | undefined;

  constructor(
    private readonly zuul: ZuulSide,
    private readonly translate: Translate,
    private readonly opts: ConvertOptions,
  ) {
    this.validators = opts.validators ?? loadValidators(opts.schemasDir);
    this.selected = selectProjects(zuul.projects.keys(), opts.projects);
    this.settled = new Array<Settled<ProjectPlan> | undefined>(this.selected.length);
    this.asked = this.selected.map(() => []);
    const shortNames = countShortNames(zuul.projects.keys());
    let jjbNames: Set<string> | undefined;
    this.ctx = {
      translationOf: (job) => this.translationOf(job),
      queueSize: (pipeline, project) => zuul.queueSizes.get(pipeline)?.get(project),
      defined: (job) => this.jobs.has(job),
      jjbNameOf: (project) => {
        if (!this.complete) throw new Error(`the JJB name of ${project} is asked for before every JJB job is known`);
        jjbNames ??= usedJjbNames(this.complete);
        return jjbNameFor(project, shortNames, jjbNames);
      },
      validators: this.validators,
      naming: DEFAULT_NAMING,
      archivedMarker: opts.archivedMarker,
      noopJob: opts.noopJob,
    };
    this.shapeOf = projectShapes(this.ctx);
    // last, once nothing above can throw: the staging directory exists from here on, until finish or abort
    this.target = openOutput(opts.out);
    const root = this.target.root;
    const writer = (this.writer = this.target.staged ? (opts.writer ?? inThreadWriter()) : undefined);
    this.emit = writer
      ? (files) => {
          writer.write(root, files);
          return { written: [...files.keys()], unchanged: [], refused: [] };
        }
      : (files) => applyPlan(root, files, { force: opts.force, generatedMark: GENERATED_MARK, madeDirs: this.madeDirs });
  }

  /** Each job is translated once, whatever the number of projects running it. */
  private translationOf(job: string): JobTranslation | undefined {
    this.asking?.push(job);
    let t = this.translations.get(job);
    if (!t) this.translations.set(job, (t = this.translate(job, this.jobs.get(job))));
    return t.translation;
  }

  /**
   * JJB jobs read so far, in JJB order (a later duplicate name is ignored, as in `assembleInputs`). Into a new
   * directory, the projects whose jobs have now all arrived are converted and written at once, in project order,
   * unless their plan needs the JJB name (which depends on every JJB job: `finish` converts those).
   */
  arrived(jobs: readonly ConvertJob[]): void {
    if (!this.writer || this.complete) return;
    const { missing, waitingFor } = (this.readiness ??= this.readinessIndex());
    const ready: number[] = [];
    for (const j of jobs) {
      if (this.arrivedJobs.has(j.name)) continue;
      this.arrivedJobs.set(j.name, j);
      for (const i of waitingFor.get(j.name) ?? []) if (--missing[i]! === 0) ready.push(i);
      waitingFor.delete(j.name);
    }
    for (const i of ready.sort((a, b) => a - b)) this.convert(i, true);
  }

  private readinessIndex(): NonNullable<ConvertBatch['readiness']> {
    const waitingFor = new Map<string, number[]>();
    const missing = this.selected.map((project, i) => {
      const jobs = new Set<string>();
      const walk = (nodes: readonly ZuulJobNode[]): void => {
        for (const n of nodes) {
          jobs.add(n.job);
          if (n.children) walk(n.children);
        }
      };
      for (const nodes of Object.values(this.zuul.projects.get(project)!)) walk(nodes);
      for (const job of jobs) {
        const waiting = waitingFor.get(job);
        if (waiting) waiting.push(i);
        else waitingFor.set(job, [i]);
      }
      return jobs.size;
    });
    return { missing, waitingFor };
  }

  /** Converts selected project `i`; early (before `finish`), a plan that needs the JJB name is left for later. */
  private convert(i: number, early: boolean): void {
    const project = this.selected[i]!;
    const trees = this.zuul.projects.get(project)!;
    this.asking = this.asked[i];
    try {
      const shape = this.shapeOf(project, trees);
      if (early && needsJjbName(shape)) return;
      const plan = projectPlan(this.ctx, project, trees, shape);
      this.write(project, plan);
      this.settled[i] = { ok: true, value: plan };
    } catch (error) {
      this.settled[i] = { ok: false, error };
    } finally {
      this.asking = undefined;
    }
    this.opts.onProgress?.(++this.done, this.selected.length);
  }

  private write(project: string, plan: ProjectPlan): void {
    const root = this.target.root;
    if (this.writer) {
      this.toWrite.push(plan);
      if (this.toWrite.length >= PLAN_BATCH) this.sendPlans();
      return;
    }
    const applied = this.emit(new Map([...plan.files, ...this.renderReports(plan)]));
    if (plan.files.size === 0 && this.madeDirs.get(path.join(root, 'reports', path.dirname(project))) === false) {
      // an earlier run may have converted this project; its generated files must not outlive that
      removeGenerated(root, [`${pipelineDir(project)}/config.yaml`, `${pipelineDir(project)}/${BLUBBER_FILE}`], GENERATED_MARK);
    }
    for (const r of applied.refused) plan.result.diagnostics.push(convertDiagnostic('convert-overwrite-refused', { repo: project, file: r.path }));
    this.refused.push(...applied.refused);
  }

  private sendPlans(): void {
    if (this.toWrite.length) this.writer!.writePlans(this.target.root, this.toWrite);
    this.toWrite = [];
  }

  /** Converts what is left, writes the corpus files and makes the output visible. */
  async finish(inputs: ConvertInputs): Promise<ConvertRun> {
    try {
      const run = await this.finishInto(inputs);
      await this.writer?.flush();
      this.target.commit();
      return run;
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  /** Removes what the batch wrote (inputs that could not be read, or a failure in `finish`). */
  async abort(): Promise<void> {
    await this.writer?.flush().catch(() => undefined); // no write may land after the staging directory is removed
    this.target.abort();
  }

  private async finishInto(inputs: ConvertInputs): Promise<ConvertRun> {
    this.complete = inputs;
    this.jobs = inputs.jobs;
    const left = this.selected.map((_, i) => i).filter((i) => this.settled[i] === undefined);
    await runLimited(left, this.opts.concurrency, async (i) => this.convert(i, false));
    if (this.writer) this.sendPlans();

    const diagnostics: Diagnostic[] = [...inputs.diagnostics];
    if (this.validators.mode === 'structural') diagnostics.push(convertDiagnostic('convert-schemas-missing', { data: { dir: this.opts.schemasDir ?? '' } }));
    // translation diagnostics once per job, in the order of first use, project by project
    const reported = new Set<string>();
    for (const asked of this.asked) {
      for (const job of asked) {
        if (reported.has(job)) continue;
        reported.add(job);
        diagnostics.push(...(this.translations.get(job)?.diagnostics ?? [])); // none when the translation threw
      }
    }
    const outcomes: ProjectOutcome[] = this.selected.map((project, i) => {
      const s = this.settled[i]!;
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
    const summary = summarize(outcomes, (job) => this.translationOf(job), this.validators.mode);
    const corpusFiles = new Map([
      [INTEGRATION_FILES.layoutProjects, head + dumpYaml({ projects: layoutProjects })],
      [INTEGRATION_FILES.layoutJobs, head + dumpYaml({ jobs: layoutJobs })],
      [INTEGRATION_FILES.jjb, head + dumpYamlList(jjb)],
      ['summary.json', summaryJson(summary)],
      ['summary.md', summaryMd(summary)],
    ]);
    this.emit(corpusFiles);
    return { outcomes, summary, refused: this.refused, diagnostics };
  }
}
