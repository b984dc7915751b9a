/**
 * One project × job-template expansion (JJB 4.x `_expandYamlForTemplateJob`, jjb-expansion.md §6-§8):
 * axes and their cartesian product, defaults underneath the context, the self-format pass, exclude,
 * then the template formatted against the context. Each failing combination becomes a diagnostic.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { jjbDiagnostic, type JjbCode } from './codes.js';
import { deepFormat, FormatError, type FormatOptions } from './format.js';
import { pyRepr } from './pyrepr.js';
import type { YamlMap, YamlValue } from './types.js';
import { isMap, pyEquals } from './values.js';

/** What a template expansion needs from the expander. */
export interface TemplateEnv {
  /** JJB `_applyDefaults(data, override)` copying only the top-level dict (the result is deep-formatted);
   * undefined (with a diagnostic) for an unknown defaults set */
  applyDefaults(data: YamlMap, override: YamlMap | undefined, where: SourceLocation): YamlMap | undefined;
  formatOptions: FormatOptions;
  diagnostics: Diagnostic[];
  /** receives each generated job dict (name not yet prefixed with the folder) */
  emit(job: YamlMap): void;
}

type Pair = [string, YamlValue];

function product(dims: Pair[][]): Pair[][] {
  let out: Pair[][] = [[]];
  for (const dim of dims) {
    const next: Pair[][] = [];
    for (const prefix of out) for (const v of dim) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/** The first line of JJB's exception text, which names the innermost string. */
export function formatFailure(err: FormatError, context: string, where: SourceLocation): Diagnostic {
  const first = err.message.split('\n')[0];
  let code: JjbCode = 'jjb-format-error';
  if (err.missingKey !== undefined) code = 'jjb-missing-parameter';
  else if (/is undefined|has no attribute|Jinja2/u.test(first)) code = 'jjb-jinja-error';
  return jjbDiagnostic(code, `${first} (${context})`, where);
}

function axisValues(combo: Pair[]): YamlMap | string {
  const values: YamlMap = {};
  for (const [k, v] of combo) {
    if (isMap(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) return 'StopIteration: empty mapping as axis item';
      const inner = v[keys[0]];
      values[k] = keys[0];
      if (!isMap(inner)) return `TypeError: '${inner === null ? 'NoneType' : typeof inner}' object is not iterable (axis '${k}', item ${pyRepr(v)})`;
      Object.assign(values, inner);
    } else values[k] = v;
  }
  return values;
}

function excluded(excludes: YamlValue, params: YamlMap): boolean {
  if (!Array.isArray(excludes)) return false;
  return excludes.some(
    (ex) => isMap(ex) && Object.keys(params).every((k) => !Object.hasOwn(ex, k) || pyEquals(ex[k], params[k])),
  );
}

/**
 * Expands `template` (already merged with its own defaults) for the context `project` (a fresh copy
 * the caller owns: project keys updated with entry params / group layers).
 */
export function expandTemplate(
  project: YamlMap,
  template: YamlMap,
  env: TemplateEnv,
  where: { project: SourceLocation; template: SourceLocation; label: string },
): void {
  const templateName = template.name;
  if (typeof templateName !== 'string') {
    env.diagnostics.push(jjbDiagnostic('jjb-bad-template', where.label, where.template));
    return;
  }
  delete project.jobs;
  const excludes = project.exclude ?? [];
  delete project.exclude;
  const dims: Pair[][] = [];
  for (const [k, v] of Object.entries(project)) {
    if (Array.isArray(v) && templateName.includes(`{${k}}`)) dims.push(v.map((x): Pair => [k, x]));
  }
  if (dims.length === 0) dims.push([['', '']]);

  for (const combo of product(dims)) {
    // JJB deep-copies the context here; deepFormat below builds new containers for everything except
    // whole-string placeholder results, which formatString copies, so a shallow copy is equivalent.
    const base = env.applyDefaults({ ...project }, template, where.project);
    if (!base) return;
    let params: YamlMap = base;
    params['template-name'] = templateName.replace(/[{}]/gu, '$&$&');
    const values = axisValues(combo);
    if (typeof values === 'string') {
      env.diagnostics.push(jjbDiagnostic('jjb-bad-axis', `${values} (${where.label})`, where.project));
      continue;
    }
    Object.assign(params, values);
    try {
      params = deepFormat(params, params, { ...env.formatOptions, allowEmpty: false }) as YamlMap;
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      env.diagnostics.push(formatFailure(err, `formatting the parameters of ${where.label}`, where.project));
      continue;
    }
    if (excluded(excludes, params)) continue;
    for (const key of Object.keys(template)) if (!Object.hasOwn(params, key)) params[key] = template[key];
    params['template-name'] = templateName;
    try {
      env.emit(deepFormat(template, params, env.formatOptions) as YamlMap);
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      env.diagnostics.push(formatFailure(err, where.label, where.template));
    }
  }
}
