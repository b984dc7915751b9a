/**
 * The JJB side of conversion: `jjb/` loaded, expanded and macro-expanded (src/jjb), reduced to the facts the
 * rules match. The result is plain data, so this can run in a helper thread (src/run/helper-thread.ts).
 */
import type { Diagnostic } from '../diagnostics.js';
import { expandJobs, expandMacros, loadJjb } from '../jjb/index.js';
import { jobFacts } from '../rules/facts.js';
import type { ConvertJob, JjbInputs } from './inputs.js';

/** The JJB stages this reads with (an object, so tests and the bench can stand in for them). */
export interface JjbReaders {
  loadJjb: typeof loadJjb;
  expandJobs: typeof expandJobs;
  expandMacros: typeof expandMacros;
}

export const JJB_READERS: JjbReaders = { loadJjb, expandJobs, expandMacros };

/**
 * Reads `<root>/jjb` with JJB's defaults (include path = the checkout). `onJobs`, when given, also receives the
 * jobs in order as they are ready, in slices of `slice` (the helper thread sends them on, so that the main thread
 * can translate them while the rest is read); the result still holds every job.
 */
export function readJjbInputs(root: string, readers: JjbReaders = JJB_READERS, onJobs?: (jobs: ConvertJob[]) => void, slice = 50): JjbInputs {
  const loaded = readers.loadJjb(['jjb'], { root });
  const expanded = readers.expandJobs(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...expanded.diagnostics];
  const jobs: ConvertJob[] = [];
  let sent = 0;
  for (const j of expanded.jobs) {
    const m = readers.expandMacros(j, loaded);
    diagnostics.push(...m.diagnostics);
    jobs.push({ name: j.name, facts: jobFacts({ ...j, expanded: m.job.job }), source: j.source });
    if (onJobs && jobs.length - sent >= slice) {
      onJobs(jobs.slice(sent));
      sent = jobs.length;
    }
  }
  return { jobs, projectNames: [...(loaded.byKind.get('project')?.keys() ?? [])], diagnostics };
}
