/**
 * `resolveLayout`: what Zuul 2.5 `Scheduler._parseConfig` computes from a parsed layout: the global jobs
 * (metajobs + `jobs:` in file order), each project's job tree per pipeline (templates in listed order, then
 * the project's own entries) and the shared change queues of dependent pipelines.
 */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import { deepFormat } from './format.js';
import { JobRegistry } from './jobs.js';
import { buildChangeQueues } from './queues.js';
import { addJobs, type TreeContext, type TreeLevel } from './trees.js';
import type { JobNode, Layout, ProjectEntry, ProjectPipelines, ProjectTemplate, ResolvedLayout } from './types.js';

export interface ResolveOptions {
  /** Job names JJB defines; when given, tree jobs outside it (except `noop`) are reported. */
  jjbJobNames?: Set<string>;
}

/** Zuul's built-in job: instant success, never sent to Jenkins. */
export const BUILTIN_JOBS = new Set(['noop']);

export function resolveLayout(layout: Layout, opts: ResolveOptions = {}): ResolvedLayout {
  const diags: Diagnostic[] = [];
  const file = layout.file;
  const registry = new JobRegistry(layout.regexes);
  for (const entry of layout.jobs) registry.applyEntry(entry, file, diags);

  const templates = new Map<string, ProjectTemplate & { braces: boolean }>();
  for (const t of layout.templates) templates.set(t.name, { ...t, braces: hasBraces([...t.pipelines.values()]) });
  const pipelineNames = layout.pipelines.map((p) => p.name);

  const projects = new Map<string, ProjectPipelines>();
  const idle: string[] = [];
  const unknownJobs = new Map<string, { line?: number; repo: string }>();
  for (const project of layout.projects) {
    const config = effectiveConfig(project, templates, pipelineNames, file, diags);
    const trees: ProjectPipelines = new Map();
    for (const pipeline of pipelineNames) {
      if (!config.has(pipeline)) continue;
      const level: TreeLevel = { children: [] };
      const ctx: TreeContext = {
        leaf: (name) => registry.leaf(name),
        diag: (d) => diags.push(d),
        where: () => {
          const line = project.pipelines.has(pipeline) ? layout.findLine(project.line, `${pipeline}:`) : project.line;
          return { file, ...(line !== undefined ? { line } : {}), repo: project.name };
        },
        seen: (name) => {
          if (opts.jjbJobNames && !opts.jjbJobNames.has(name) && !BUILTIN_JOBS.has(name) && !unknownJobs.has(name)) {
            unknownJobs.set(name, { line: layout.findLine(project.line, name), repo: project.name });
          }
        },
      };
      addJobs(level, config.get(pipeline), ctx);
      trees.set(pipeline, level.children);
    }
    // A later duplicate entry replaces the earlier one, as `layout.projects[name] = project` does.
    projects.delete(project.name);
    if (trees.size > 0) projects.set(project.name, trees);
    else idle.push(project.name);
  }
  for (const [job, at] of unknownJobs) {
    diags.push(zuulDiag('zuul-job-undefined', { file, ...(at.line !== undefined ? { line: at.line } : {}) }, job, { job, repo: at.repo }));
  }

  const queues = new Map<string, ReturnType<typeof buildChangeQueues>>();
  for (const p of layout.pipelines) {
    if (p.manager !== 'DependentPipelineManager') continue;
    const trees = new Map<string, JobNode[]>();
    for (const [name, pipes] of projects) {
      const t = pipes.get(p.name);
      if (t) trees.set(name, t);
    }
    queues.set(p.name, buildChangeQueues(trees, { file, ...(p.line !== undefined ? { line: p.line } : {}), pipeline: p.name }, diags));
  }
  return { layout, projects, idleProjects: idle, jobs: registry.all(), queues, diagnostics: diags };
}

/**
 * The project's job list per pipeline: templates expanded with `{name}` = short name and the call's keys,
 * prepended in reverse so that the final order is templates in listed order, then the project's own entries.
 */
function effectiveConfig(
  project: ProjectEntry,
  templates: Map<string, ProjectTemplate & { braces: boolean }>,
  pipelineNames: string[],
  file: string,
  diags: Diagnostic[],
): Map<string, unknown> {
  const config = new Map<string, unknown>(project.pipelines);
  const shortname = project.name.split('/').pop()!;
  for (const call of [...project.templates].reverse()) {
    const tpl = templates.get(call.name);
    if (!tpl) continue; // reported by parseLayout (Zuul itself would crash)
    const errors: string[] = [];
    const params = { ...call.params, name: shortname };
    for (const pipeline of pipelineNames) {
      if (!tpl.pipelines.has(pipeline)) continue;
      const raw = tpl.pipelines.get(pipeline);
      // Formatting without any brace is the identity: skip the copy.
      const expanded = tpl.braces ? deepFormat(raw, params, errors) : raw;
      config.set(pipeline, [...asList(expanded), ...asList(config.get(pipeline))]);
    }
    for (const e of errors) diags.push(zuulDiag('zuul-template-format', { file, ...(call.line !== undefined ? { line: call.line } : {}) }, `${call.name}: ${e}`, { repo: project.name }));
  }
  return config;
}

function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Whether any string (or dict key) inside `v` contains a brace, i.e. whether `str.format` can change it. */
function hasBraces(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('{') || v.includes('}');
  if (Array.isArray(v)) return v.some(hasBraces);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasBraces(k) || hasBraces(x));
  return false;
}
