/**
 * JJB's `zuul` module `handle_data` hook (jenkins_jobs/modules/zuul.py), jjb-expansion.md §2: a bare
 * `zuul` / `zuul-post` trigger on a raw `job` or `job-template` becomes string parameters, edited
 * IN PLACE, so lists shared through YAML aliases/merge keys leak between entries exactly as in JJB.
 */
import type { YamlMap, YamlValue } from './types.js';

function param(name: string, description: string): YamlMap {
  return { string: { description, name } };
}

const COMMON = [
  param('ZUUL_UUID', 'Zuul provided key to link builds with Gerrit events'),
  param('UUID', 'Zuul provided key to link builds with Gerrit events (deprecated use ZUUL_UUID instead)'),
  param('ZUUL_PIPELINE', 'Zuul pipeline triggering this job'),
  param('ZUUL_URL', "URL of Zuul's git repos accessible to workers"),
  param('ZUUL_PROJECT', 'Branch name of triggering project'),
];

const ZUUL_PARAMETERS: readonly YamlMap[] = [
  ...COMMON,
  param('ZUUL_BRANCH', 'Branch name of triggering change'),
  param('ZUUL_CHANGES', 'List of dependent changes to merge'),
  param('ZUUL_REF', 'Reference for the merged commit(s) to use'),
  param('ZUUL_COMMIT', 'The commit SHA1 at the head of ZUUL_REF'),
  param('ZUUL_CHANGE_IDS', 'List of included changes'),
  param('ZUUL_CHANGE', 'ID of triggering change'),
  param('ZUUL_PATCHSET', 'Patchset of triggering change'),
  param('ZUUL_VOTING', 'Zuul considered this job voting or not'),
];

const ZUUL_POST_PARAMETERS: readonly YamlMap[] = [
  ...COMMON,
  param('ZUUL_REF', 'Name of updated reference triggering this job'),
  param('ZUUL_REFNAME', 'Name of updated reference triggering this job'),
  param('ZUUL_OLDREV', 'Old SHA at this reference'),
  param('ZUUL_NEWREV', 'New SHA at this reference'),
  param('ZUUL_SHORT_NEWREV', 'Shortened new SHA at this reference'),
];

/** Python `list.remove(x)` for a string item; false if absent. */
function removeFirst(list: YamlValue[], item: string): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

/** One pass of the hook over raw job/job-template dicts; true if anything changed. */
function zuulPass(entries: readonly YamlMap[]): boolean {
  let changed = false;
  for (const job of entries) {
    const triggers = job.triggers;
    if (!Array.isArray(triggers) || triggers.length === 0) continue;
    const hasZuul = triggers.includes('zuul');
    const hasPost = triggers.includes('zuul-post');
    if (!hasZuul && !hasPost) continue;
    if (!Object.hasOwn(job, 'parameters')) job.parameters = [];
    const params = job.parameters;
    if (hasZuul) {
      if (Array.isArray(params)) params.push(...ZUUL_PARAMETERS.map(copyParam));
      removeFirst(triggers, 'zuul');
    }
    if (triggers.includes('zuul-post')) {
      if (Array.isArray(params)) params.push(...ZUUL_POST_PARAMETERS.map(copyParam));
      removeFirst(triggers, 'zuul-post');
    }
    changed = true;
  }
  return changed;
}

function copyParam(p: YamlMap): YamlMap {
  const s = p.string as YamlMap;
  return { string: { ...s } };
}

/** Runs the hook until nothing changes, as JJB's expandYaml() does (jobs first, then job-templates). */
export function applyZuulHook(jobs: readonly YamlMap[], templates: readonly YamlMap[]): void {
  const all = [...jobs, ...templates];
  while (zuulPass(all)) {
    /* repeat */
  }
}
