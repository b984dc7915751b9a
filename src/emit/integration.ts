/**
 * The integration/config side of a converted project: its new `zuul/layout.yaml` project entry (trigger jobs
 * in the Zuul pipelines that run each PipelineLib pipeline, every job that stays kept with its tree shape)
 * and its `jjb/project-pipelines.yaml` entry (pipelinelib-and-blubber.md §1). Pure.
 */
import type { ProjectTrees, ZuulJobNode } from '../convert/inputs.js';
import type { PlPipeline } from './pipelines.js';
import type { YamlOut } from './yaml.js';

/** `trigger-<name>-pipeline-<pipeline>`: the Jenkins job Zuul starts for a PipelineLib pipeline. */
export function triggerJob(jjbName: string, pipeline: string): string {
  return `trigger-${jjbName}-pipeline-${pipeline}`;
}

const TRIGGER = /^trigger-(.+?)-pipeline-(.+)$/;

/** `{name, pipeline}` of an existing trigger job, or undefined. */
export function parseTriggerJob(job: string): { name: string; pipeline: string } | undefined {
  const m = TRIGGER.exec(job);
  return m ? { name: m[1]!, pipeline: m[2]! } : undefined;
}

/**
 * The JJB project name: the last path segment, like the hand-written entries (`citoid`), unless another
 * Gerrit project ends the same way or a JJB project already has that name; then the whole path, dashed.
 */
export function jjbNameFor(project: string, shortNameCount: ReadonlyMap<string, number>, jjbProjectNames: ReadonlySet<string>): string {
  const short = project.slice(project.lastIndexOf('/') + 1);
  if ((shortNameCount.get(short) ?? 0) <= 1 && !jjbProjectNames.has(short)) return short;
  return project.replaceAll('/', '-');
}

/** Count of Gerrit projects per last path segment, for `jjbNameFor`. */
export function countShortNames(projects: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of projects) {
    const s = p.slice(p.lastIndexOf('/') + 1);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/** Kept nodes in Zuul layout syntax: a job name, or `{parent: [children]}`; a replaced parent's kept children move up. */
function keptNodes(nodes: readonly ZuulJobNode[], replaced: (job: string) => boolean): YamlOut[] {
  const out: YamlOut[] = [];
  for (const n of nodes) {
    const children = keptNodes(n.children ?? [], replaced);
    if (replaced(n.job)) out.push(...children);
    else out.push(children.length ? { [n.job]: children } : n.job);
  }
  return out;
}

export interface IntegrationEntries {
  /** the project's item for `projects:` in zuul/layout.yaml */
  layout: { [k: string]: YamlOut };
  /** items for `jobs:` in zuul/layout.yaml (trigger jobs that do not vote or carry filters) */
  layoutJobs: { [k: string]: YamlOut }[];
  /** the `- project:` item for jjb/project-pipelines.yaml */
  jjb: { [k: string]: YamlOut };
}

/**
 * @param replaced true for a job now run by PipelineLib in that Zuul pipeline
 */
export function integrationEntries(
  project: string,
  jjbName: string,
  trees: ProjectTrees,
  zuulOrder: readonly string[],
  pipelines: readonly PlPipeline[],
  replaced: (zuulPipeline: string, job: string) => boolean,
): IntegrationEntries {
  const layout: { [k: string]: YamlOut } = { name: project };
  for (const zuul of zuulOrder) {
    const jobs = keptNodes(trees[zuul] ?? [], (job) => replaced(zuul, job));
    for (const p of pipelines) if (p.zuulPipelines.includes(zuul)) jobs.push(triggerJob(jjbName, p.name));
    if (jobs.length) layout[zuul] = jobs;
  }
  const layoutJobs: { [k: string]: YamlOut }[] = [];
  for (const p of pipelines) {
    if (p.voting && !p.branch && !p.files) continue;
    const job: { [k: string]: YamlOut } = { name: triggerJob(jjbName, p.name) };
    if (!p.voting) job.voting = false;
    if (p.branch) job.branch = p.branch;
    if (p.files) job.files = p.files;
    layoutJobs.push(job);
  }
  const jjb = {
    project: {
      name: jjbName,
      pipeline: pipelines.map((p) => p.name),
      jobs: ['trigger-{name}-pipeline-{pipeline}', '{name}-pipeline-{pipeline}'],
    },
  };
  return { layout, layoutJobs, jjb };
}
