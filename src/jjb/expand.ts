/**
 * JJB 4.x `YamlParser.expandYaml()` (jjb-expansion.md §2-§8, §14): the `zuul` hook, plain jobs
 * (defaults merged, never formatted), then projects in load order with their jobs / job-groups /
 * job-templates, then the duplicate-name check. Problems are diagnostics; the failing job is skipped
 * and the rest of the batch goes on (JJB would abort the run).
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { expandTemplate, type TemplateEnv } from './axes.js';
import { jjbDiagnostic } from './codes.js';
import { lazyResolver, type FormatOptions } from './format.js';
import { projectEntries, type EntryLookup } from './projects.js';
import { pyStr } from './pyrepr.js';
import type { ExpandedJob, JjbItem, LoadedJjb, YamlMap, YamlValue } from './types.js';
import { deepCopy } from './values.js';
import { applyXmlSideEffects } from './xml-side-effects.js';
import { applyZuulHook } from './zuul-hook.js';

export interface ExpandResult {
  jobs: ExpandedJob[];
  diagnostics: Diagnostic[];
}

const MANAGED = '<!-- Managed by Jenkins Job Builder -->';

type Kind = Map<string, JjbItem>;

/** A copy of the items' data that keeps YAML sharing (one memo), so the hook's leaks stay faithful. */
function copyKinds(loaded: LoadedJjb): Map<string, Kind> {
  const memo = new Map<object, YamlValue>();
  const out = new Map<string, Kind>();
  for (const [kind, items] of loaded.byKind) {
    const copy: Kind = new Map();
    for (const [key, item] of items) copy.set(key, { ...item, data: deepCopy(item.data, memo) });
    out.set(kind, copy);
  }
  return out;
}

function fullName(job: YamlMap): YamlValue {
  return Object.hasOwn(job, 'folder') ? `${pyStr(job.folder)}/${pyStr(job.name)}` : job.name;
}

export function expandJobs(loaded: LoadedJjb): ExpandResult {
  const data = copyKinds(loaded);
  const kind = (k: string): Kind => data.get(k) ?? new Map();
  const diagnostics: Diagnostic[] = [];
  const opts = loaded.options;
  const jobs: ExpandedJob[] = [];
  applyZuulHook(
    [...kind('job').values()].map((i) => i.data),
    [...kind('job-template').values()].map((i) => i.data),
  );
  const defaults = kind('defaults');

  /**
   * `copy` 'deep' as JJB does; 'top' (a new top-level dict only) where the result is only read and
   * then deep-formatted, which builds new containers (templates and their contexts).
   */
  function applyDefaults(job: YamlMap, override: YamlMap | undefined, where: SourceLocation, copy: 'deep' | 'top'): YamlMap | undefined {
    const which = Object.hasOwn(job, 'defaults') ? job.defaults : 'global';
    const set = typeof which === 'string' ? defaults.get(which)?.data : undefined;
    const base: YamlMap = set ? (copy === 'deep' ? deepCopy(set) : { ...set }) : {};
    if (Object.keys(base).length === 0 && which !== 'global') {
      diagnostics.push(jjbDiagnostic('jjb-unknown-defaults', `Unknown defaults set: '${pyStr(which)}'`, where));
      return undefined;
    }
    if (override) for (const k of Object.keys(override)) if (Object.hasOwn(base, k)) base[k] = override[k];
    return Object.assign(base, job);
  }

  function describe(job: YamlMap, where: SourceLocation): boolean {
    const desc = opts.keepDescriptions ? (job.description ?? null) : Object.hasOwn(job, 'description') ? job.description : '';
    if (desc === null && opts.keepDescriptions) return true;
    if (typeof desc !== 'string') {
      diagnostics.push(jjbDiagnostic('jjb-bad-description', `${pyStr(job.name)}: ${pyStr(desc)}`, where));
      return false;
    }
    job.description = desc + MANAGED;
    return true;
  }

  function push(job: YamlMap, item: JjbItem, template?: string, project?: string): void {
    if (!describe(job, item.source)) return;
    job.name = fullName(job);
    if (typeof job.name !== 'string') {
      diagnostics.push(jjbDiagnostic('jjb-bad-template', `name is ${pyStr(job.name)}`, item.source));
      return;
    }
    const out: ExpandedJob = { name: job.name, job, source: item.source };
    if (template !== undefined) out.template = template;
    if (project !== undefined) out.project = project;
    jobs.push(out);
  }

  for (const item of kind('job').values()) {
    const job = applyDefaults(item.data, undefined, item.source, 'deep');
    if (job) push(job, item);
  }

  const formatOptions: FormatOptions = { allowEmpty: opts.allowEmptyVariables, resolveLazy: lazyResolver(loaded, diagnostics) };

  function runTemplate(context: YamlMap, templateItem: JjbItem, project: JjbItem, projectName: string): void {
    const template = applyDefaults(templateItem.data, undefined, templateItem.source, 'top');
    if (!template) return;
    const rawName = typeof templateItem.data.name === 'string' ? templateItem.data.name : templateItem.key;
    const env: TemplateEnv = {
      applyDefaults: (data, override, where) => applyDefaults(data, override, where, 'top'),
      formatOptions,
      diagnostics,
      emit: (job) => push(job, templateItem, rawName, projectName),
    };
    const label = `job-template '${rawName}', project '${projectName}'`;
    expandTemplate(context, template, env, { project: project.source, template: templateItem.source, label });
  }

  const lookup: EntryLookup = { job: kind('job'), group: kind('job-group'), template: kind('job-template') };
  for (const project of kind('project').values()) {
    const projectName = pyStr(project.data.name);
    const seen = new Set<string>();
    for (const entry of projectEntries(project.data, lookup)) {
      if (entry.kind === 'template') runTemplate(entry.context, entry.template, project, projectName);
      else if (entry.kind === 'plain') {
        if (seen.has(entry.name)) {
          const msg = `Duplicate job '${entry.name}' specified for project '${projectName}'`;
          diagnostics.push(jjbDiagnostic('jjb-duplicate-job-reference', msg, project.source));
        }
        seen.add(entry.name);
      } else if (entry.kind === 'unknown') {
        const msg = `Failed to find suitable template named '${entry.name}' (project '${projectName}')`;
        diagnostics.push(jjbDiagnostic('jjb-unknown-template', msg, project.source));
      } else {
        const detail = `'${entry.name}' in job-group '${entry.group.key}' (project '${projectName}')`;
        const code = entry.nested ? 'jjb-group-nested' : 'jjb-group-entry-unknown';
        diagnostics.push(jjbDiagnostic(code, detail, entry.group.source));
      }
    }
  }
  const kept = dropDuplicates(jobs, opts.allowDuplicates, diagnostics);
  for (const j of kept) applyXmlSideEffects(j.job);
  return { jobs: kept, diagnostics };
}

/** JJB walks the list backwards: the last definition of a name wins. */
function dropDuplicates(jobs: ExpandedJob[], allowed: boolean, diagnostics: Diagnostic[]): ExpandedJob[] {
  const seen = new Set<string>();
  const keep: ExpandedJob[] = [];
  for (let i = jobs.length - 1; i >= 0; i--) {
    const j = jobs[i];
    if (seen.has(j.name)) {
      const msg = `Duplicate definitions for job '${j.name}' specified`;
      diagnostics.push(jjbDiagnostic(allowed ? 'jjb-duplicate-job-allowed' : 'jjb-duplicate-job', msg, j.source));
      continue;
    }
    seen.add(j.name);
    keep.push(j);
  }
  return keep.reverse();
}
