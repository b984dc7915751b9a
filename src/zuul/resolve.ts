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
import { addJobs, diag as treeDiag, type TreeContext, type TreeLevel } from './trees.js';
import type { JobNode, Layout, ProjectEntry, ProjectPipelines, ResolvedLayout } from './types.js';

export interface ResolveOptions {
  /** Job names JJB defines; when given, tree jobs outside it (except `noop`) are reported. */
  jjbJobNames?: Set<string>;
}

const NO_WHITESPACE = /^\S+$/;

/** Zuul's built-in job: instant success, never sent to Jenkins. */
export const BUILTIN_JOBS = new Set(['noop']);

export function resolveLayout(layout: Layout, opts: ResolveOptions = {}): ResolvedLayout {
  const diags: Diagnostic[] = [];
  const file = layout.file;
  const registry = new JobRegistry(layout.regexes);
  for (const entry of layout.jobs) registry.applyEntry(entry, file, diags);

  const templates = new Map<string, TemplateLists>();
  for (const t of layout.templates) {
    const lists = [...t.pipelines.values()];
    templates.set(t.name, { pipelines: [...t.pipelines.keys()], lists, braces: hasBraces(lists) });
  }
  const pipelineNames = layout.pipelines.map((p) => p.name);

  const projects = new Map<string, ProjectPipelines>();
  const idle: string[] = [];
  const firstUses = new Map<string, ProjectEntry>();
  // One context for all trees; `at` says which project and pipeline is being built.
  const at = { project: layout.projects[0]!, pipeline: '' };
  const ctx: TreeContext = {
    leaf: (name) => registry.leaf(name, firstUse),
    diag: (d) => diags.push(d),
    where: () => {
      const { project, pipeline } = at;
      const line = project.pipelines.has(pipeline) ? layout.findLine(project.line, `${pipeline}:`) : project.line;
      return { file, ...(line !== undefined ? { line } : {}), repo: project.name };
    },
  };
  // Once per job name, at its first tree: Zuul's `^\S+$` rule and the JJB cross-check.
  const firstUse = (name: string): void => {
    if (!NO_WHITESPACE.test(name)) treeDiag(ctx, 'zuul-bad-job-name', JSON.stringify(name));
    firstUses.set(name, at.project);
  };
  // Trees that come from templates alone are the same for every project using the same (brace-free) templates:
  // built once and shared, frozen (e.g. 586 projects take only the `archived` template).
  const shared = new Map<string, readonly JobNode[] | null>();
  for (const project of layout.projects) {
    let config: Map<string, unknown> | undefined;
    const trees: ProjectPipelines = new Map();
    at.project = project;
    const prefix = templateKey(project, templates);
    for (let i = 0; i < pipelineNames.length; i++) {
      const pipeline = pipelineNames[i]!;
      const key = prefix !== undefined && !project.pipelines.has(pipeline) ? `${prefix}\n${pipeline}` : undefined;
      if (key !== undefined) {
        const hit = shared.get(key);
        if (hit !== undefined) {
          if (hit !== null) trees.set(pipeline, hit as JobNode[]);
          continue;
        }
      }
      config ??= effectiveConfig(project, templates, file, diags);
      if (!config.has(pipeline)) {
        if (key !== undefined) shared.set(key, null);
        continue;
      }
      at.pipeline = pipeline;
      const level: TreeLevel = { children: [] };
      addJobs(level, config.get(pipeline), ctx);
      trees.set(pipeline, level.children);
      checkFilteredParents(level.children, ctx);
      if (key !== undefined) shared.set(key, Object.freeze(level.children));
    }
    // A later duplicate entry replaces the earlier one, as `layout.projects[name] = project` does.
    projects.delete(project.name);
    if (trees.size > 0) projects.set(project.name, trees);
    else idle.push(project.name);
  }
  if (opts.jjbJobNames) diags.push(...undefinedJobDiagnostics({ layout, firstUses }, opts.jjbJobNames));

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
  return { layout, projects, idleProjects: idle, jobs: registry.all(), queues, firstUses, diagnostics: diags };
}

/**
 * The JJB cross-check: a `zuul-job-undefined` warning for each tree job JJB does not define (Zuul's built-in
 * `noop` excepted), at the job's first use. Separate from resolving, so that the layout can be resolved while
 * JJB is still being read.
 */
export function undefinedJobDiagnostics(resolved: Pick<ResolvedLayout, 'layout' | 'firstUses'>, jjbJobNames: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = resolved.layout.file;
  for (const [job, project] of resolved.firstUses) {
    if (jjbJobNames.has(job) || BUILTIN_JOBS.has(job)) continue;
    const line = resolved.layout.findLine(project.line, job);
    out.push(zuulDiag('zuul-job-undefined', { file, ...(line !== undefined ? { line } : {}) }, job, { job, repo: project.name }));
  }
  return out;
}

/**
 * The project's job list per pipeline: templates expanded with `{name}` = short name and the call's keys.
 * Zuul prepends each template's list in reverse call order; the result, built here by appending, is the same:
 * templates in listed order, then the project's own entries.
 */
function effectiveConfig(project: ProjectEntry, templates: Map<string, TemplateLists>, file: string, diags: Diagnostic[]): Map<string, unknown> {
  if (project.templates.length === 0) return project.pipelines;
  // Index loops, no destructuring: this runs for 1,906 projects, mostly before the JIT warms up.
  const config = new Map<string, unknown[]>();
  const add = (pipeline: string, v: unknown) => {
    let list = config.get(pipeline);
    if (!list) config.set(pipeline, (list = []));
    if (Array.isArray(v)) for (let k = 0; k < v.length; k++) list.push(v[k]);
    else if (v !== undefined && v !== null) list.push(v);
  };
  const shortname = project.name.slice(project.name.lastIndexOf('/') + 1);
  for (let c = 0; c < project.templates.length; c++) {
    const call = project.templates[c]!;
    const tpl = templates.get(call.name);
    if (!tpl) continue; // reported by parseLayout (Zuul itself would crash)
    const errors: string[] = [];
    for (let i = 0; i < tpl.pipelines.length; i++) {
      // Formatting without any brace is the identity: skip the copy.
      const raw = tpl.lists[i];
      add(tpl.pipelines[i]!, tpl.braces ? deepFormat(raw, { ...call.params, name: shortname }, errors) : raw);
    }
    for (const e of errors) diags.push(zuulDiag('zuul-template-format', { file, ...(call.line !== undefined ? { line: call.line } : {}) }, `${call.name}: ${e}`, { repo: project.name }));
  }
  for (const [pipeline, own] of project.pipelines) {
    if (own === null) diags.push(zuulDiag('zuul-null-tree', { file, ...(project.line !== undefined ? { line: project.line } : {}) }, pipeline, { repo: project.name }));
    add(pipeline, own);
  }
  return config;
}

/** A template's pipelines and job lists as parallel arrays; `braces`: whether `str.format` can change them. */
interface TemplateLists {
  pipelines: string[];
  lists: unknown[];
  braces: boolean;
}


/** Whether any string (or dict key) inside `v` contains a brace, i.e. whether `str.format` can change it. */
function hasBraces(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('{') || v.includes('}');
  if (Array.isArray(v)) return v.some(hasBraces);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasBraces(k) || hasBraces(x));
  return false;
}

/** Doc §7: a filtered-out parent never launches its subtree, yet its children stay expected. */
function checkFilteredParents(nodes: JobNode[], ctx: TreeContext): void {
  for (const n of nodes) {
    if (n.children.length === 0) continue;
    const f = n.filters;
    if (f.branches.length > 0 || f.files.length > 0 || f.skipIf) {
      const where = ctx.where();
      ctx.diag(zuulDiag('zuul-filtered-parent', where, n.job, { repo: where.repo, job: n.job }));
    }
    checkFilteredParents(n.children, ctx);
  }
}

/** Cache key of a project's template calls when formatting cannot change them (no braces anywhere). */
function templateKey(project: ProjectEntry, templates: Map<string, TemplateLists>): string | undefined {
  if (project.templates.length === 0) return undefined;
  let key = '';
  for (const call of project.templates) {
    if (templates.get(call.name)?.braces) return undefined;
    key += `${call.name}\n`;
  }
  return key;
}
