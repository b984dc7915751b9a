/**
 * One project, end to end and pure: parity entries -> stages -> PipelineLib pipelines -> validated documents
 * -> the plan of files (path -> text) and its integration/config entries. Nothing here writes.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { JobTranslation, ParityEntry, ProjectResult, ProjectStatus } from './types.js';
import type { ProjectTrees, ZuulJobNode } from './inputs.js';
import { collectEntries, projectStatus } from '../report/parity.js';
import { assignStages, type ProjectStages } from '../emit/stages.js';
import { groupPipelines, orderZuulPipelines, type PipelineNaming, type PlPipeline } from '../emit/pipelines.js';
import { BLUBBER_FILE, blubberFile, configHead, pipelineConfig } from '../emit/pipeline-config.js';
import { integrationEntries, parseTriggerJob, type IntegrationEntries } from '../emit/integration.js';
import { semanticProblems, type Validators } from '../emit/validate.js';
import { convertDiagnostic } from './codes.js';
import { plainData, type YamlOut } from '../emit/yaml.js';
import { pipelineDir, reportPath } from './paths.js';

/** Read-only services shared by every project of a run. */
export interface ConvertContext {
  translationOf: (job: string) => JobTranslation | undefined;
  defined: (job: string) => boolean;
  queueSize: (pipeline: string, project: string) => number | undefined;
  jjbNameOf: (project: string) => string;
  validators: Validators;
  naming: PipelineNaming;
  archivedMarker: string;
  noopJob: string;
}

/** Everything j2a would write for one project, and what its report says. */
export interface ProjectPlan {
  result: ProjectResult;
  jjbName?: string;
  /** read-only: shared with every project of the same shape, like `result.entries` */
  pipelines: readonly PlPipeline[];
  /** path relative to the output directory -> file text; `.pipeline/` files only */
  files: Map<string, string>;
  integration?: IntegrationEntries;
}

export { pipelineDir, reportPath } from './paths.js';

function annotate(entries: readonly ParityEntry[], pipelines: readonly PlPipeline[], stageOf: (job: string) => string | undefined): void {
  for (const e of entries) {
    const stage = stageOf(e.job);
    if (!stage) continue;
    const p = pipelines.find((x) => x.zuulPipelines.includes(e.zuulPipeline) && x.stages.some((s) => s.name === stage));
    if (!p) continue;
    e.plPipeline = p.name;
    e.stage = stage;
  }
}

/**
 * A filter the trigger job carries is not lost: drop `branch-filter`/`files-filter` from those entries, and an
 * entry left without losses is `translated` again (unless its rule made it partial). True if anything changed.
 */
function liftCarriedFilters(entries: readonly ParityEntry[], pipelines: readonly PlPipeline[], translationOf: ConvertContext['translationOf']): boolean {
  let changed = false;
  for (const e of entries) {
    const p = e.plPipeline ? pipelines.find((x) => x.name === e.plPipeline) : undefined;
    if (!p) continue;
    const carried = new Set<string>([...(p.branch ? ['branch-filter'] : []), ...(p.files ? ['files-filter'] : [])]);
    if (!e.losses.some((l) => carried.has(l))) continue;
    e.losses = e.losses.filter((l) => !carried.has(l));
    if (e.losses.length === 0 && translationOf(e.job)?.outcome === 'translated') e.outcome = 'translated';
    changed = true;
  }
  return changed;
}

/** What validation found wrong with the two documents (messages; the diagnostics name the project's files). */
interface Problems {
  config: string[];
  blubber: string[];
  semantic: string[];
}

/**
 * Validates both documents as a YAML parser reads them back (`plainData`; the emitter's round trip is tested
 * in test/convert/yaml.test.ts and the corpus test re-validates the written files).
 */
function check(ctx: ConvertContext, config: YamlOut, blubber: YamlOut, pipelines: readonly PlPipeline[]): Problems {
  const cfg = plainData(config);
  const bb = plainData(blubber);
  const zuulOf = (pl: string) => pipelines.find((p) => p.name === pl)?.zuulPipelines ?? [];
  return { config: ctx.validators.config(cfg), blubber: ctx.validators.blubber(bb), semantic: semanticProblems(cfg, bb, zuulOf, ctx.naming.publishing) };
}

function problemDiagnostics(project: string, p: Problems): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const file = `${pipelineDir(project)}/config.yaml`;
  if (p.config.length) diags.push(convertDiagnostic('convert-invalid-config', { file, repo: project, data: { errors: p.config.slice(0, 5).join('; ') } }));
  if (p.blubber.length) diags.push(convertDiagnostic('convert-invalid-blubber', { file: `${pipelineDir(project)}/${BLUBBER_FILE}`, repo: project, data: { errors: p.blubber.slice(0, 5).join('; ') } }));
  if (p.semantic.length) diags.push(convertDiagnostic('convert-semantic', { file, repo: project, data: { errors: p.semantic.slice(0, 5).join('; ') } }));
  return diags;
}

/**
 * The part of a project's conversion that does not depend on its name: its entries, status, stages, pipelines
 * and documents follow from its trees and from which of its pipelines share a change queue. Projects of the same
 * shape share one (2,181 projects of the real corpus have 236 shapes). Read-only once made.
 */
export interface ProjectShape {
  zuulOrder: string[];
  entries: readonly ParityEntry[];
  status: ProjectStatus;
  /** jobs of the `job-undefined` entries, in entry order */
  undefinedJobs: string[];
  /** absent when the project has nothing to emit */
  emit?: {
    renames: ProjectStages['renames'];
    problems: Problems;
    /** absent when `problems` has any */
    ok?: {
      pipelines: PlPipeline[];
      /** the JJB name of the hand-written trigger jobs, when the project has some */
      existingName?: string;
      /** config.yaml after its head line (which names the project's report) */
      configBody: string;
      blubber: string;
    };
  };
}

/** The shape of a project with these trees; `sharedQueue` tells in which dependent pipelines it shares a queue. */
export function projectShape(ctx: ConvertContext, trees: ProjectTrees, sharedQueue: (pipeline: string) => boolean): ProjectShape {
  const zuulOrder = orderZuulPipelines(Object.keys(trees));
  const entries = collectEntries({ translationOf: ctx.translationOf, defined: ctx.defined, sharedQueue, noopJob: ctx.noopJob }, trees, zuulOrder);
  const undefinedJobs = entries.filter((e) => e.reason?.code === 'job-undefined').map((e) => e.job);
  const shape: ProjectShape = { zuulOrder, entries, status: projectStatus(entries, ctx.archivedMarker), undefinedJobs };
  if (shape.status !== 'convertible' && shape.status !== 'partial') return shape;

  const stages = assignStages(entries, ctx.translationOf);
  if (stages.byJob.size === 0) return shape;
  // A project already on PipelineLib keeps its JJB name and pipeline names; ours must not collide with them.
  const existing = entries.filter((e) => e.outcome === 'already-migrated').map((e) => parseTriggerJob(e.job)).filter((t) => t !== undefined);
  const reserved = new Set(existing.map((t) => t.pipeline));
  const pipelines = groupPipelines(entries, stages, zuulOrder, reserved, ctx.naming);
  const config = pipelineConfig(pipelines);
  const blubber = blubberFile(stages.variants);
  const problems = check(ctx, config.doc, blubber.doc, pipelines);
  shape.emit = { renames: stages.renames, problems };
  if (problems.config.length || problems.blubber.length || problems.semantic.length) return shape;

  annotate(entries, pipelines, (job) => stages.byJob.get(job)?.stage.name);
  if (liftCarriedFilters(entries, pipelines, ctx.translationOf)) shape.status = projectStatus(entries, ctx.archivedMarker);
  shape.emit.ok = { pipelines, ...(existing[0] ? { existingName: existing[0].name } : {}), configBody: config.body, blubber: blubber.text };
  return shape;
}

/** The plan of one project of this shape. */
export function projectPlan(ctx: ConvertContext, project: string, trees: ProjectTrees, shape: ProjectShape): ProjectPlan {
  const diagnostics: Diagnostic[] = shape.undefinedJobs.map((job) => convertDiagnostic('convert-job-undefined', { repo: project, job }));
  const result: ProjectResult = { project, status: shape.status, entries: shape.entries, diagnostics };
  const plan: ProjectPlan = { result, pipelines: [], files: new Map() };
  const emit = shape.emit;
  if (!emit) return plan;
  for (const r of emit.renames) diagnostics.push(convertDiagnostic('convert-stage-renamed', { repo: project, job: r.job, data: { from: r.from, to: r.to } }));
  diagnostics.push(...problemDiagnostics(project, emit.problems));
  const ok = emit.ok;
  if (!ok) return plan;
  if (ok.existingName !== undefined) diagnostics.push(convertDiagnostic('convert-merge-needed', { repo: project, file: `${pipelineDir(project)}/config.yaml` }));
  const jjbName = ok.existingName ?? ctx.jjbNameOf(project);
  plan.jjbName = jjbName;
  plan.pipelines = ok.pipelines;
  plan.files.set(`${pipelineDir(project)}/config.yaml`, configHead(reportPath(project, 'md')) + ok.configBody);
  plan.files.set(`${pipelineDir(project)}/${BLUBBER_FILE}`, ok.blubber);
  const entries = shape.entries;
  const replaced = (zuul: string, job: string) => entries.some((e) => e.zuulPipeline === zuul && e.job === job && e.plPipeline !== undefined);
  plan.integration = integrationEntries(project, jjbName, trees, shape.zuulOrder, ok.pipelines, replaced);
  return plan;
}

/** One project, converted on its own (the batch shares shapes: `projectConverter`). */
export function convertProject(ctx: ConvertContext, project: string, trees: ProjectTrees): ProjectPlan {
  return projectPlan(ctx, project, trees, projectShape(ctx, trees, (p) => sharesQueue(ctx, p, project)));
}

function sharesQueue(ctx: ConvertContext, pipeline: string, project: string): boolean {
  return (ctx.queueSize(pipeline, project) ?? 0) > 1;
}

/** Whether a plan of this shape needs the project's JJB name (`ConvertContext.jjbNameOf`). */
export function needsJjbName(shape: ProjectShape): boolean {
  return shape.emit?.ok !== undefined && shape.emit.ok.existingName === undefined;
}

/**
 * The shapes of projects, each computed once. Two projects have the same shape when their trees hold the same
 * nodes (the Zuul reader shares the node objects of equal subtrees) and they share change queues in the same
 * pipelines; trees of distinct node objects only miss the sharing, never get a wrong shape.
 */
export function projectShapes(ctx: ConvertContext): (project: string, trees: ProjectTrees) => ProjectShape {
  const nodeIds = new Map<ZuulJobNode, number>();
  const idOf = (n: ZuulJobNode): number => {
    let id = nodeIds.get(n);
    if (id === undefined) nodeIds.set(n, (id = nodeIds.size));
    return id;
  };
  const shapes = new Map<string, ProjectShape>();
  return (project, trees) => {
    const shared = (p: string) => sharesQueue(ctx, p, project);
    let key = '';
    for (const [p, nodes] of Object.entries(trees)) key += `${p}${shared(p) ? '+' : ''}:${nodes.map(idOf).join(',')};`;
    let shape = shapes.get(key);
    if (!shape) shapes.set(key, (shape = projectShape(ctx, trees, shared)));
    return shape;
  };
}

/** Converts project after project, computing each shape once (`projectShapes`). */
export function projectConverter(ctx: ConvertContext): (project: string, trees: ProjectTrees) => ProjectPlan {
  const shapeOf = projectShapes(ctx);
  return (project, trees) => projectPlan(ctx, project, trees, shapeOf(project, trees));
}
