/**
 * One project, end to end and pure: parity entries -> stages -> PipelineLib pipelines -> validated documents
 * -> the plan of files (path -> text) and its integration/config entries. Nothing here writes.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { JobTranslation, ParityEntry, ProjectResult } from './types.js';
import type { ProjectTrees } from './inputs.js';
import { collectEntries, projectStatus } from '../report/parity.js';
import { assignStages } from '../emit/stages.js';
import { groupPipelines, orderZuulPipelines, type PipelineNaming, type PlPipeline } from '../emit/pipelines.js';
import { BLUBBER_FILE, blubberFile, pipelineConfig } from '../emit/pipeline-config.js';
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
  pipelines: PlPipeline[];
  /** path relative to the output directory -> file text; `.pipeline/` files only */
  files: Map<string, string>;
  integration?: IntegrationEntries;
}

export { pipelineDir, reportPath } from './paths.js';

function annotate(entries: ParityEntry[], pipelines: readonly PlPipeline[], stageOf: (job: string) => string | undefined): void {
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
function liftCarriedFilters(entries: ParityEntry[], pipelines: readonly PlPipeline[], translationOf: ConvertContext['translationOf']): boolean {
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

/**
 * Validates both documents as a YAML parser reads them back (`plainData`; the emitter's round trip is tested
 * in test/convert/yaml.test.ts and the corpus test re-validates the written files).
 */
function check(ctx: ConvertContext, project: string, config: YamlOut, blubber: YamlOut, pipelines: readonly PlPipeline[]): Diagnostic[] {
  const cfg = plainData(config);
  const bb = plainData(blubber);
  const diags: Diagnostic[] = [];
  const file = `${pipelineDir(project)}/config.yaml`;
  const c = ctx.validators.config(cfg);
  if (c.length) diags.push(convertDiagnostic('convert-invalid-config', { file, repo: project, data: { errors: c.slice(0, 5).join('; ') } }));
  const b = ctx.validators.blubber(bb);
  if (b.length) diags.push(convertDiagnostic('convert-invalid-blubber', { file: `${pipelineDir(project)}/${BLUBBER_FILE}`, repo: project, data: { errors: b.slice(0, 5).join('; ') } }));
  const zuulOf = (pl: string) => pipelines.find((p) => p.name === pl)?.zuulPipelines ?? [];
  const s = semanticProblems(cfg, bb, zuulOf, ctx.naming.publishing);
  if (s.length) diags.push(convertDiagnostic('convert-semantic', { file, repo: project, data: { errors: s.slice(0, 5).join('; ') } }));
  return diags;
}

export function convertProject(ctx: ConvertContext, project: string, trees: ProjectTrees): ProjectPlan {
  const zuulOrder = orderZuulPipelines(Object.keys(trees));
  const entries = collectEntries(
    { project, translationOf: ctx.translationOf, defined: ctx.defined, queueSize: (p) => ctx.queueSize(p, project), noopJob: ctx.noopJob },
    trees,
    zuulOrder,
  );
  const diagnostics: Diagnostic[] = [];
  for (const e of entries) if (e.reason?.code === 'job-undefined') diagnostics.push(convertDiagnostic('convert-job-undefined', { repo: project, job: e.job }));
  const status = projectStatus(entries, ctx.archivedMarker);
  const result: ProjectResult = { project, status, entries, diagnostics };
  const plan: ProjectPlan = { result, pipelines: [], files: new Map() };
  if (status !== 'convertible' && status !== 'partial') return plan;

  const stages = assignStages(entries, ctx.translationOf);
  if (stages.byJob.size === 0) return plan;
  for (const r of stages.renames) diagnostics.push(convertDiagnostic('convert-stage-renamed', { repo: project, job: r.job, data: { from: r.from, to: r.to } }));
  // A project already on PipelineLib keeps its JJB name and pipeline names; ours must not collide with them.
  const existing = entries.filter((e) => e.outcome === 'already-migrated').map((e) => parseTriggerJob(e.job)).filter((t) => t !== undefined);
  const reserved = new Set(existing.map((t) => t.pipeline));
  const pipelines = groupPipelines(entries, stages, zuulOrder, reserved, ctx.naming);
  const jjbName = existing[0]?.name ?? ctx.jjbNameOf(project);
  const config = pipelineConfig(pipelines, reportPath(project, 'md'));
  const blubber = blubberFile(stages.variants);
  const problems = check(ctx, project, config.doc, blubber.doc, pipelines);
  diagnostics.push(...problems);
  if (problems.length) return plan;
  if (existing.length) diagnostics.push(convertDiagnostic('convert-merge-needed', { repo: project, file: `${pipelineDir(project)}/config.yaml` }));

  annotate(entries, pipelines, (job) => stages.byJob.get(job)?.stage.name);
  if (liftCarriedFilters(entries, pipelines, ctx.translationOf)) result.status = projectStatus(entries, ctx.archivedMarker);
  plan.jjbName = jjbName;
  plan.pipelines = pipelines;
  plan.files.set(`${pipelineDir(project)}/config.yaml`, config.text);
  plan.files.set(`${pipelineDir(project)}/${BLUBBER_FILE}`, blubber.text);
  const replaced = (zuul: string, job: string) => entries.some((e) => e.zuulPipeline === zuul && e.job === job && e.plPipeline !== undefined);
  plan.integration = integrationEntries(project, jjbName, trees, zuulOrder, pipelines, replaced);
  return plan;
}
