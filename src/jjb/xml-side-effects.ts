/**
 * In-place edits that JJB 4.x plugin modules make to a job dict while generating its XML, which
 * therefore show in JJB's expanded job dicts once XML generation has run (the goldens were dumped
 * after it). Only one matters: the `git` SCM module adds `remotes: [{<name|origin>: <copy of the
 * git mapping>}]` when the mapping has no `remotes` (jenkins_jobs/modules/scm.py, git()).
 * Applies to `git` entries written directly in the job's `scm` list, not to those inside macros.
 */
import type { YamlMap } from './types.js';
import { isMap } from './values.js';

export function applyXmlSideEffects(job: YamlMap): void {
  const scm = job.scm;
  if (!Array.isArray(scm)) return;
  for (const entry of scm) {
    if (!isMap(entry) || Object.keys(entry).length !== 1 || !isMap(entry.git)) continue;
    const git = entry.git;
    if (Object.hasOwn(git, 'remotes')) continue;
    const name = Object.hasOwn(git, 'name') ? String(git.name) : 'origin';
    git.remotes = [{ [name]: { ...git } }];
  }
}
