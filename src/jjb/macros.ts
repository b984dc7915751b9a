/**
 * Macro expansion as JJB 4.x does it while generating XML (registry.dispatch, jjb-expansion.md §10):
 *  - a component is `name` or `{name: args}`; a macro of that component type wins over a built-in;
 *  - args are formatted with the caller's args when the caller had non-empty args (or when the args
 *    are a `!j2:`/`!j2-yaml:` value, rendered against the caller's args, possibly empty);
 *  - a macro body is expanded with exactly the (formatted) call args; with no args it is not formatted;
 *  - built-ins that hold builder lists (postbuildscript build-steps, conditional-step steps) have
 *    those lists expanded too.
 * The result has only built-in components in its component lists.
 */
import type { Diagnostic } from '../diagnostics.js';
import { formatFailure } from './axes.js';
import { COMPONENT_LISTS, isBuiltinComponent, MACRO_BODY_KEY } from './builtins.js';
import { jjbDiagnostic } from './codes.js';
import { deepFormat, FormatError, lazyResolver } from './format.js';
import { JinjaTemplate, LazyInclude, type ExpandedJob, type LoadedJjb, type YamlMap, type YamlValue } from './types.js';
import { isMap } from './values.js';

export interface MacroResult {
  job: ExpandedJob;
  diagnostics: Diagnostic[];
}

interface Ctx {
  loaded: LoadedJjb;
  job: ExpandedJob;
  diagnostics: Diagnostic[];
  /** macros being expanded, `type:name`, for cycle detection */
  stack: string[];
}

function isLoader(v: YamlValue): boolean {
  return v instanceof JinjaTemplate || v instanceof LazyInclude;
}

function expandList(type: string, items: YamlValue, ctx: Ctx): YamlValue {
  if (!Array.isArray(items)) return items;
  const out: YamlValue[] = [];
  for (const item of items) out.push(...expandComponent(type, item, {}, ctx));
  return out;
}

/** Builder lists inside built-in components (dispatched by their modules with no template data). */
function expandNested(type: string, name: string, data: YamlValue, ctx: Ctx): YamlValue {
  if (!isMap(data)) return data;
  if (type === 'builder' && name === 'conditional-step' && Array.isArray(data.steps)) {
    return { ...data, steps: expandList('builder', data.steps, ctx) };
  }
  if (type === 'publisher' && name === 'postbuildscript' && Array.isArray(data.builders)) {
    const builders = data.builders.map((b) =>
      isMap(b) && Array.isArray(b['build-steps']) ? { ...b, 'build-steps': expandList('builder', b['build-steps'], ctx) } : b,
    );
    return { ...data, builders };
  }
  return data;
}

function expandComponent(type: string, component: YamlValue, templateData: YamlMap, ctx: Ctx): YamlValue[] {
  let name: string;
  let data: YamlValue = {};
  const where = ctx.job.source;
  if (isMap(component)) {
    name = Object.keys(component)[0] ?? '';
    data = component[name];
    if (Object.keys(templateData).length > 0 || isLoader(data)) {
      try {
        const allowEmpty = ctx.loaded.options.allowEmptyVariables;
        data = deepFormat(data, templateData, { allowEmpty, resolveLazy: lazyResolver(ctx.loaded, ctx.diagnostics) });
      } catch (err) {
        if (!(err instanceof FormatError)) throw err;
        const d = formatFailure(err, `${type} '${name}' in job '${ctx.job.name}'`, where);
        ctx.diagnostics.push(jjbDiagnostic('jjb-macro-error', d.message, where));
        return [component];
      }
    }
  } else {
    name = typeof component === 'string' ? component : String(component);
  }
  const macro = ctx.loaded.byKind.get(type)?.get(name);
  if (macro) {
    const id = `${type}:${name}`;
    if (ctx.stack.includes(id)) {
      const chain = [...ctx.stack, id].map((s) => s.split(':')[1]).join(' -> ');
      ctx.diagnostics.push(jjbDiagnostic('jjb-macro-cycle', `${chain} (job '${ctx.job.name}')`, macro.source));
      return [component];
    }
    const body = macro.data[MACRO_BODY_KEY[type] ?? `${type}s`];
    if (!Array.isArray(body)) return [];
    const args = isMap(data) ? data : {};
    ctx.stack.push(id);
    const out: YamlValue[] = [];
    for (const b of body) out.push(...expandComponent(type, b, args, ctx));
    ctx.stack.pop();
    return out;
  }
  if (isBuiltinComponent(type, name)) {
    return [isMap(component) ? { [name]: expandNested(type, name, data, ctx) } : component];
  }
  const detail = `Unknown entry point or macro '${name}' for component type: '${type}'. (job '${ctx.job.name}')`;
  ctx.diagnostics.push(jjbDiagnostic('jjb-unknown-macro', detail, where));
  return [component];
}

/** Expands every macro in the job's component lists; returns a new job (the input is not modified). */
export function expandMacros(job: ExpandedJob, loaded: LoadedJjb): MacroResult {
  const ctx: Ctx = { loaded, job, diagnostics: [], stack: [] };
  const dict: YamlMap = { ...job.job };
  for (const [key, type] of COMPONENT_LISTS) {
    if (Object.hasOwn(dict, key)) dict[key] = expandList(type, dict[key], ctx);
  }
  const pscm = dict['pipeline-scm'];
  if (isMap(pscm) && Array.isArray(pscm.scm)) dict['pipeline-scm'] = { ...pscm, scm: expandList('scm', pscm.scm, ctx) };
  return { job: { ...job, job: dict }, diagnostics: ctx.diagnostics };
}
