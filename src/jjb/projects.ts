/**
 * How JJB 4.x walks a project's `jobs` list (jjb-expansion.md §5): each entry names a plain job (only
 * counted for the duplicate check), a job-group (its entries walked once: groups do not nest), or a
 * job-template; anything else is an error at project level and silently ignored inside a group.
 */
import type { JjbItem, YamlMap, YamlValue } from './types.js';
import { pyStr } from './pyrepr.js';
import { isMap } from './values.js';

export type ProjectEntry =
  | { kind: 'plain'; name: string }
  | { kind: 'template'; template: JjbItem; context: YamlMap }
  | { kind: 'unknown'; name: string }
  | { kind: 'group-ignored'; name: string; group: JjbItem; nested: boolean };

export interface EntryLookup {
  job: ReadonlyMap<string, JjbItem>;
  group: ReadonlyMap<string, JjbItem>;
  template: ReadonlyMap<string, JjbItem>;
}

/** `{name: params}` or `name` -> [name, params]; non-mapping params count as {}. */
function splitSpec(spec: YamlValue): [string, YamlMap] {
  if (isMap(spec)) {
    const [name] = Object.keys(spec);
    const params = spec[name];
    return [name ?? '', isMap(params) ? params : {}];
  }
  return [typeof spec === 'string' ? spec : pyStr(spec), {}];
}

const listOf = (v: YamlValue | undefined): YamlValue[] => (Array.isArray(v) ? v : []);

/** The entries of one project in JJB order, with each template's starting context (§6 layers). */
export function* projectEntries(project: YamlMap, lookup: EntryLookup): Generator<ProjectEntry> {
  for (const spec of listOf(project.jobs)) {
    const [name, params] = splitSpec(spec);
    const group = lookup.job.has(name) ? undefined : lookup.group.get(name);
    if (!group) {
      const template = lookup.template.get(name);
      if (lookup.job.has(name)) yield { kind: 'plain', name };
      else if (template) yield { kind: 'template', template, context: { ...project, ...params } };
      else yield { kind: 'unknown', name };
      continue;
    }
    for (const gspec of listOf(group.data.jobs)) {
      const [gName, gParams] = splitSpec(gspec);
      const template = lookup.template.get(gName);
      if (lookup.job.has(gName)) yield { kind: 'plain', name: gName };
      else if (!template) yield { kind: 'group-ignored', name: gName, group, nested: lookup.group.has(gName) };
      else yield { kind: 'template', template, context: { ...project, ...params, ...group.data, ...gParams, name: project.name } };
    }
  }
}
