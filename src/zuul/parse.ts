/**
 * `parseLayout`: the layout text -> typed `Layout` + diagnostics (file:line). Checks what Zuul's validator and
 * `_parseConfig` would reject: unknown keys, duplicate names, unknown pipelines, undefined templates, and every
 * regex (compiled with Python semantics).
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import { readYaml, type LoadedYaml } from './load.js';
import { forEachPipelineRegex, parsePipeline } from './pipelines.js';
import { PyRegexCache } from './pyregex.js';
import type { JobEntry, Layout, ProjectEntry, ProjectTemplate, TemplateCall } from './types.js';
import { isDict, strings, toList, type Dict } from './values.js';

const TOP_KEYS = new Set(['includes', 'pipelines', 'jobs', 'project-templates', 'projects']);
const PROJECT_KEYS = new Set(['name', 'template', 'merge-mode']);
const MERGE_MODES = new Set(['merge', 'merge-resolve', 'cherry-pick']);

export interface ParsedLayout {
  layout: Layout;
  diagnostics: Diagnostic[];
}

export function loadLayout(file: string): ParsedLayout {
  return parseLayout(readFileSync(file, 'utf8'), file);
}

function emptyLayout(file: string): Layout {
  return { file, includes: [], pipelines: [], jobs: [], templates: [], projects: [], findLine: (l) => l, regexes: new PyRegexCache() };
}

export function parseLayout(text: string, file: string): ParsedLayout {
  const diags: Diagnostic[] = [];
  const read = readYaml(text, file);
  if (!read.ok) {
    diags.push(zuulDiag('zuul-yaml-error', { file, line: read.error.line }, read.error.message));
    return { layout: emptyLayout(file), diagnostics: diags };
  }
  const y = read.value;
  const layout: Layout = { ...emptyLayout(file), findLine: y.findLine };
  const top = y.data;
  if (!isDict(top)) {
    diags.push(zuulDiag('zuul-layout-shape', { file, line: 1 }, 'the layout must be a mapping'));
    return { layout, diagnostics: diags };
  }
  for (const k of Object.keys(top)) {
    if (!TOP_KEYS.has(k)) diags.push(zuulDiag('zuul-unknown-key', { file, line: y.findLine(1, `${k}:`) }, k));
  }
  const section = (key: string): { item: Dict; line?: number }[] => {
    const list = top[key];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) {
      diags.push(zuulDiag('zuul-layout-shape', { file, line: y.lineOf(list) }, `${key} must be a list`));
      return [];
    }
    const items: { item: Dict; line?: number }[] = [];
    for (const item of list) {
      const line = y.lineOf(item);
      if (isDict(item) && item['name'] !== undefined && item['name'] !== null) items.push({ item, line });
      else diags.push(zuulDiag('zuul-layout-shape', { file, line }, `${key} entry without a name`));
    }
    return items;
  };
  const checkDuplicates = (key: string, names: { name: string; line?: number }[]) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n.name)) diags.push(zuulDiag(key === 'projects' ? 'zuul-duplicate-project' : 'zuul-duplicate-name', { file, line: n.line }, `${key}: ${n.name}`));
      seen.add(n.name);
    }
  };

  for (const inc of toList(top['includes'])) {
    if (isDict(inc) && typeof inc['python-file'] === 'string') layout.includes.push({ pythonFile: inc['python-file'] });
  }
  for (const { item, line } of section('pipelines')) {
    layout.pipelines.push(parsePipeline(item, { file, line }, y.lineOf, diags));
  }
  checkDuplicates('pipelines', layout.pipelines);
  const pipelineNames = new Set(layout.pipelines.map((p) => p.name));

  for (const { item, line } of section('jobs')) {
    layout.jobs.push({ name: String(item['name']), raw: item, ...(line !== undefined ? { line } : {}) });
  }
  checkDuplicates('jobs', layout.jobs);

  for (const { item, line } of section('project-templates')) {
    layout.templates.push(parseTemplate(item, line, pipelineNames, file, diags));
  }
  checkDuplicates('project-templates', layout.templates);
  const templateNames = new Set(layout.templates.map((t) => t.name));

  for (const { item, line } of section('projects')) {
    layout.projects.push(parseProject(item, line, pipelineNames, templateNames, y, file, diags));
  }
  checkDuplicates('projects', layout.projects);

  checkRegexes(layout, diags);
  return { layout, diagnostics: diags };
}

function parseTemplate(item: Dict, line: number | undefined, pipelines: Set<string>, file: string, diags: Diagnostic[]): ProjectTemplate {
  const name = String(item['name']);
  const tpl: ProjectTemplate = { name, pipelines: new Map(), ...(line !== undefined ? { line } : {}) };
  for (const [k, v] of Object.entries(item)) {
    if (k === 'name') continue;
    // Zuul keeps only keys naming defined pipelines; the validator rejects the others.
    if (pipelines.has(k)) tpl.pipelines.set(k, v);
    else diags.push(zuulDiag('zuul-unknown-pipeline', { file, line }, `template ${name}: ${k}`));
  }
  return tpl;
}

function parseProject(
  item: Dict,
  line: number | undefined,
  pipelines: Set<string>,
  templates: Set<string>,
  y: LoadedYaml,
  file: string,
  diags: Diagnostic[],
): ProjectEntry {
  const name = String(item['name']);
  const mergeMode = item['merge-mode'] === undefined ? 'merge-resolve' : String(item['merge-mode']);
  if (!MERGE_MODES.has(mergeMode)) diags.push(zuulDiag('zuul-unknown-merge-mode', { file, line }, `${name}: ${mergeMode}`, { repo: name }));
  // Plain loops and assignments: this runs once per project (2,182), mostly before the JIT warms up.
  const project: ProjectEntry = { name, templates: [], mergeMode, pipelines: new Map() };
  if (line !== undefined) project.line = line;
  const calls = toList(item['template']);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    const callLine = y.lineOf(call) ?? line;
    const params: Record<string, unknown> = {};
    let tname: string;
    if (isDict(call)) {
      tname = String(call['name']);
      for (const k in call) if (k !== 'name') params[k] = call[k];
    } else tname = String(call);
    const tc: TemplateCall = { name: tname, params };
    if (callLine !== undefined) tc.line = callLine;
    project.templates.push(tc);
    if (!templates.has(tname)) diags.push(zuulDiag('zuul-template-undefined', { file, line: callLine }, tname, { repo: name }));
  }
  for (const k in item) {
    if (PROJECT_KEYS.has(k)) continue;
    if (pipelines.has(k)) project.pipelines.set(k, item[k]);
    else diags.push(zuulDiag('zuul-unknown-pipeline', { file, line: y.findLine(line, `${k}:`) }, `project ${name}: ${k}`, { repo: name }));
  }
  return project;
}

function checkRegexes(layout: Layout, diags: Diagnostic[]): void {
  const check = (source: string, line: number | undefined, kind: string, name: string) => {
    const c = layout.regexes.compile(source);
    if (!c.ok) diags.push(zuulDiag('zuul-invalid-regex', { file: layout.file, line }, `${kind} ${name}: ${source}: ${c.error}`));
    else if (c.regex.constructs.includes('inline-flags-not-leading')) {
      diags.push(zuulDiag('zuul-regex-flags-not-leading', { file: layout.file, line }, `${kind} ${name}: ${source}`));
    }
  };
  for (const p of layout.pipelines) forEachPipelineRegex(p, (source, line) => check(source, line, 'pipeline', p.name));
  for (const j of jobRegexes(layout.jobs)) check(j.source, j.line, 'job', j.job);
}

/** Every regex of the `jobs:` section: metajob names, branch, files, skip-if. */
export function jobRegexes(jobs: JobEntry[]): { job: string; source: string; line?: number }[] {
  const out: { job: string; source: string; line?: number }[] = [];
  for (const j of jobs) {
    const add = (s: string) => out.push({ job: j.name, source: s, ...(j.line !== undefined ? { line: j.line } : {}) });
    if (j.name.startsWith('^')) add(j.name);
    for (const s of strings(j.raw['branch'])) add(s);
    for (const s of strings(j.raw['files'])) add(s);
    for (const e of toList(j.raw['skip-if'])) {
      if (!isDict(e)) continue;
      if (e['project']) add(String(e['project']));
      if (e['branch']) add(String(e['branch']));
      for (const s of strings(e['all-files-match-any'])) add(s);
    }
  }
  return out;
}
