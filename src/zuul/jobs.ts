/**
 * Zuul 2.5 `Layout.getJob` / `Job.copy` and the `jobs:` section: how a job gets its attributes.
 * - `getJob(name)` returns the existing job; a `^` name creates a metajob (booleans unset) and registers it;
 *   any other name copies, in registration order, every metajob registered so far whose regex `re.match`es it.
 * - `Job.copy`: branch, files, skip-if, mutex, messages, patterns, parameter-function replaced when set (truthy);
 *   tags unioned; swift dict-updated; voting/hold only if the metajob set them; queue-name never copied.
 * - a `jobs:` entry then sets only the keys present (Python truthiness as in `_parseConfig`).
 */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import type { PyRegex, PyRegexCache } from './pyregex.js';
import type { JobEntry, JobNode, SkipIfEntry, ZuulJob } from './types.js';
import { isDict, strings, toList, truthy } from './values.js';

/** A job while the layout is read: booleans may be unset on metajobs; tags still a set. */
interface JobState extends Partial<Omit<ZuulJob, 'name' | 'tags' | 'swift' | 'filters'>> {
  name: string;
  tags: Set<string>;
  swift: Record<string, unknown>;
}

const REPLACED = [
  'branch',
  'files',
  'skipIf',
  'mutex',
  'successMessage',
  'failureMessage',
  'successPattern',
  'failurePattern',
  'parameterFunction',
] as const;

function copyFrom(job: JobState, meta: JobState): void {
  for (const k of REPLACED) {
    const v = meta[k];
    if (truthy(v)) (job as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? [...v] : v;
  }
  for (const t of meta.tags) job.tags.add(t);
  Object.assign(job.swift, meta.swift);
  if (meta.hold !== undefined) job.hold = meta.hold;
  if (meta.voting !== undefined) job.voting = meta.voting;
}

/** The global job registry of one layout. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobState>();
  private readonly metajobs: { regex: PyRegex | undefined; job: JobState }[] = [];
  private readonly finals = new Map<string, ZuulJob>();
  private readonly leaves = new Map<string, JobNode>();

  constructor(private readonly regexes: PyRegexCache) {}

  getJob(name: string): JobState {
    let job = this.jobs.get(name);
    if (job) return job;
    job = { name, tags: new Set(), swift: {} };
    if (name.startsWith('^')) {
      const c = this.regexes.compile(name);
      // An invalid metajob regex is reported by parseLayout; it then matches nothing.
      this.metajobs.push({ regex: c.ok ? c.regex : undefined, job });
    } else {
      job.voting = true;
      job.hold = false;
      for (const m of this.metajobs) if (m.regex?.match(name)) copyFrom(job, m.job);
    }
    this.jobs.set(name, job);
    return job;
  }

  /** Applies one `jobs:` entry (keys present only). */
  applyEntry(entry: JobEntry, file: string, diags: Diagnostic[]): void {
    const job = this.getJob(entry.name);
    const r = entry.raw;
    const str = (k: string): string | undefined => (truthy(r[k]) ? String(r[k]) : undefined);
    const set = <K extends keyof JobState>(k: K, v: JobState[K] | undefined) => {
      if (v !== undefined) job[k] = v;
    };
    set('queueName', str('queue-name'));
    set('failureMessage', str('failure-message'));
    set('successMessage', str('success-message'));
    set('failurePattern', str('failure-pattern'));
    set('successPattern', str('success-pattern'));
    if (truthy(r['hold-following-changes'])) job.hold = true;
    if (r['voting'] !== undefined && r['voting'] !== null) {
      if (typeof r['voting'] !== 'boolean') diags.push(zuulDiag('zuul-bad-value', { file, line: entry.line }, `voting: ${String(r['voting'])}`, { job: entry.name }));
      job.voting = truthy(r['voting']);
    }
    if (r['mutex'] !== undefined && r['mutex'] !== null) job.mutex = String(r['mutex']);
    for (const t of strings(r['tags'])) job.tags.add(t);
    set('parameterFunction', str('parameter-function'));
    const branch = strings(r['branch']);
    if (branch.length > 0) job.branch = branch;
    const files = strings(r['files']);
    if (files.length > 0) job.files = files;
    const skipIf = parseSkipIf(r['skip-if']);
    if (skipIf.length > 0) job.skipIf = skipIf;
    for (const s of toList(r['swift'])) if (isDict(s)) job.swift[String(s['name'])] = s;
  }

  /** The final job (cached): booleans resolved, regexes compiled. */
  resolved(name: string): ZuulJob {
    let z = this.finals.get(name);
    if (z) return z;
    z = this.finalize(this.getJob(name));
    this.finals.set(name, z);
    return z;
  }

  /** The job's leaf node `{job, ...attributes, children: []}`, frozen and shared by every tree. */
  leaf(name: string, onCreate?: (name: string) => void): JobNode {
    let a = this.leaves.get(name);
    if (!a) {
      onCreate?.(name);
      const { name: job, ...rest } = this.resolved(name);
      a = Object.freeze({ job, ...rest, children: Object.freeze([]) as unknown as JobNode[] });
      this.leaves.set(name, a);
    }
    return a;
  }

  all(): Map<string, ZuulJob> {
    const out = new Map<string, ZuulJob>();
    for (const name of this.jobs.keys()) if (!name.startsWith('^')) out.set(name, this.resolved(name));
    return out;
  }

  private finalize(s: JobState): ZuulJob {
    const compile = (src: string): PyRegex[] => {
      const c = this.regexes.compile(src);
      return c.ok ? [c.regex] : [];
    };
    const one = (src: string | undefined) => (src ? compile(src)[0] : undefined);
    const z: ZuulJob = {
      name: s.name,
      voting: s.voting ?? true,
      hold: s.hold ?? false,
      tags: [...s.tags].sort(),
      swift: s.swift,
      filters: {
        branches: (s.branch ?? []).flatMap(compile),
        files: (s.files ?? []).flatMap(compile),
        ...(s.skipIf
          ? {
              skipIf: s.skipIf.map((e) => ({
                ...(e.project ? { project: one(e.project) } : {}),
                ...(e.branch ? { branch: one(e.branch) } : {}),
                ...(e.allFilesMatchAny ? { allFiles: e.allFilesMatchAny.flatMap(compile) } : {}),
              })),
            }
          : {}),
      },
    };
    for (const k of [...REPLACED, 'queueName'] as const) {
      const v = s[k];
      if (v !== undefined) (z as unknown as Record<string, unknown>)[k] = v;
    }
    return z;
  }
}

/** `skip-if` entries as Zuul's `_parseSkipIf` keeps them (empty fields dropped). */
function parseSkipIf(v: unknown): SkipIfEntry[] {
  const out: SkipIfEntry[] = [];
  for (const e of toList(v)) {
    const d = isDict(e) ? e : {};
    const entry: SkipIfEntry = {};
    if (truthy(d['project'])) entry.project = String(d['project']);
    if (truthy(d['branch'])) entry.branch = String(d['branch']);
    const files = strings(d['all-files-match-any']);
    if (files.length > 0) entry.allFilesMatchAny = files;
    out.push(entry);
  }
  return out;
}

/** Zuul's `str()` of the skip-if matcher, e.g. `{MatchAny:{MatchAll:{BranchMatcher:^wmf/.*$}}}`. */
export function skipIfRepr(entries: SkipIfEntry[]): string {
  const all = entries.map((e) => {
    const parts: string[] = [];
    if (e.project) parts.push(`{ProjectMatcher:${e.project}}`);
    if (e.branch) parts.push(`{BranchMatcher:${e.branch}}`);
    if (e.allFilesMatchAny) parts.push(`{MatchAllFiles:${e.allFilesMatchAny.map((f) => `{FileMatcher:${f}}`).join(',')}}`);
    return `{MatchAll:${parts.join(',')}}`;
  });
  return `{MatchAny:${all.join(',')}}`;
}
