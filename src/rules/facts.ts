/**
 * Generic fact extraction: what identifies a job, read from the JJB job dicts without knowing any
 * ecosystem. Builder macro calls whose arguments carry an `image` are container runs (invocations).
 */
import type { YamlMap, YamlValue } from '../jjb/types.js';
import type { Invocation, JobFacts, JobInput } from './types.js';

function isMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function text(v: YamlValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** `['a', {b: {...}}]` -> [['a', undefined], ['b', {...}]] */
function components(list: YamlValue | undefined): [string, YamlValue | undefined][] {
  if (!Array.isArray(list)) return [];
  const out: [string, YamlValue | undefined][] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push([item, undefined]);
    else if (isMap(item)) for (const [k, v] of Object.entries(item)) out.push([k, v]);
  }
  return out;
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/** A job-template name as a regex over job names, with its placeholder names (one per template: ~100 for 781 jobs). */
const TEMPLATE_PATTERNS = new Map<string, { names: string[]; re: RegExp }>();

function templatePattern(template: string): { names: string[]; re: RegExp } {
  let p = TEMPLATE_PATTERNS.get(template);
  if (p) return p;
  const names: string[] = [];
  let source = '';
  for (const part of template.split(/(\{[^{}]+\})/)) {
    if (/^\{[^{}]+\}$/.test(part)) {
      names.push(part.slice(1, -1));
      source += '(.+?)';
    } else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  p = { names, re: new RegExp(`^${source}$`) };
  TEMPLATE_PATTERNS.set(template, p);
  return p;
}

/** `{name}-tox-{toxenv}` + `foo-tox-py3` -> {name: 'foo', toxenv: 'py3'} (first, lazy reading) */
export function templateParams(template: string, jobName: string): Record<string, string> {
  if (!template.includes('{')) return {};
  const { names, re } = templatePattern(template);
  const m = re.exec(jobName);
  if (!m) return {};
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    if (!(n in out)) out[n] = m[i + 1] ?? '';
  });
  return out;
}

/** Extracts the facts every matcher reads. */
export function jobFacts(input: JobInput): JobFacts {
  const job = input.job;
  const invocations: Invocation[] = [];
  const builderMacros: string[] = [];
  const shells: string[] = [];
  for (const [name, args] of components(job.builders)) {
    if (name === 'shell') shells.push(text(args));
    else builderMacros.push(name);
    if (isMap(args) && typeof args.image === 'string') {
      invocations.push({ image: args.image, entrypoint: text(args.entrypoint), args: text(args.args) });
    }
  }
  const expanded = input.expanded;
  const publishers = components(job.publishers).map(([n]) => n);
  const wrapperArgs: [string, unknown][] = components(job.wrappers);
  const wrappers = wrapperArgs.map(([n]) => n);
  // Post-macro builders add the final shell texts. Publishers and wrappers are read before macro
  // expansion only: a macro is classified as a whole (docker-cleanup is no loss even though it
  // expands to postbuildscript).
  if (expanded) for (const [name, body] of components(expanded.builders)) if (name === 'shell') shells.push(text(body));
  const template = input.template ?? '';
  return {
    jobName: input.name,
    template,
    templateParams: templateParams(template, input.name),
    invocations,
    builderMacros: uniq(builderMacros),
    shells: uniq(shells),
    node: text(job.node),
    projectType: text(job['project-type']),
    publishers: uniq(publishers),
    wrappers: uniq(wrappers),
    triggers: uniq(components(job.triggers).map(([n]) => n)),
    wrapperArgs,
    parameters: uniq(components(job.parameters).flatMap(([, v]) => (isMap(v) && typeof v.name === 'string' ? [v.name] : []))),
  };
}

/** Facts with every field present, from a partial description (rule file examples). */
export function completeFacts(partial: Partial<JobFacts> & { name: string }): JobFacts {
  return {
    jobName: partial.name,
    template: partial.template ?? '',
    templateParams: partial.templateParams ?? templateParams(partial.template ?? '', partial.name),
    invocations: partial.invocations ?? [],
    builderMacros: partial.builderMacros ?? [],
    shells: partial.shells ?? [],
    node: partial.node ?? '',
    projectType: partial.projectType ?? '',
    publishers: partial.publishers ?? [],
    wrappers: partial.wrappers ?? [],
    triggers: partial.triggers ?? [],
    wrapperArgs: partial.wrapperArgs ?? [],
    parameters: partial.parameters ?? [],
  };
}
