/**
 * "Does job J run for this change?" (Zuul 2.5 `Job.changeMatches`) and "does pipeline P take this event?"
 * (trigger `EventFilter.matches` + `require`/`reject`), doc §7.
 *
 * An item is a change (it has a `branch` and a file list) or a ref (`ref-updated`: a full `ref`, no files).
 * - `branch` filter: some regex `re.match`es the change's branch, or the ref of a ref item;
 * - `files` filter: some regex matches some file; Gerrit's file list always includes `/COMMIT_MSG`, which is added
 *   when missing; ref items have no files, so a job with `files` never runs for them;
 * - `skip-if`: skipped if any entry matches; an entry matches when all its fields do (`project`, `branch`,
 *   `all-files-match-any`: every file matches a regex or is `/COMMIT_MSG`, never when the only file is
 *   `/COMMIT_MSG` or there are no files).
 */
import { normalizeLabel } from './pipelines.js';
import { PyRegexCache, type PyRegex } from './pyregex.js';
import type { ApprovalSpec, JobFilters, JobNode, Pipeline, ResolvedLayout, ZuulJob } from './types.js';

export interface ChangeContext {
  pipeline: string;
  project: string;
  /** Target branch of a change. */
  branch?: string;
  /** Full ref of a ref item (`refs/heads/master`, `refs/tags/1.2`); used when `branch` is absent. */
  ref?: string;
  /** Files touched by a change (paths relative to the repository root). */
  files?: string[];
}

const COMMIT_MSG = '/COMMIT_MSG';

function item(ctx: ChangeContext): { branch?: string; ref?: string; files?: string[] } {
  if (ctx.branch !== undefined) {
    const files = ctx.files ?? [];
    return { branch: ctx.branch, files: files.includes(COMMIT_MSG) ? files : [COMMIT_MSG, ...files] };
  }
  return ctx.ref !== undefined ? { ref: ctx.ref } : {};
}

function matchesBranch(re: PyRegex, it: { branch?: string; ref?: string }): boolean {
  if (it.branch !== undefined) return re.match(it.branch);
  return it.ref !== undefined && re.match(it.ref);
}

function allFilesMatch(regexes: PyRegex[], files: string[] | undefined): boolean {
  if (!files || files.length === 0) return false;
  if (files.length === 1 && files[0] === COMMIT_MSG) return false;
  return files.every((f) => f === COMMIT_MSG || regexes.some((r) => r.match(f)));
}

export function filtersMatch(filters: JobFilters, ctx: ChangeContext): boolean {
  const it = item(ctx);
  if (filters.branches.length > 0 && !filters.branches.some((r) => matchesBranch(r, it))) return false;
  if (filters.files.length > 0 && !(it.files ?? []).some((f) => filters.files.some((r) => r.match(f)))) return false;
  if (filters.skipIf) {
    const skipped = filters.skipIf.some(
      (e) =>
        (!e.project || e.project.match(ctx.project)) &&
        (!e.branch || matchesBranch(e.branch, it)) &&
        (!e.allFiles || allFilesMatch(e.allFiles, it.files)),
    );
    if (skipped) return false;
  }
  return true;
}

/** Whether the job (or tree node) passes its branch / files / skip-if filters for this change. */
export function jobRunsFor(target: JobNode | ZuulJob, ctx: ChangeContext): boolean {
  return filtersMatch(target.filters, ctx);
}

/**
 * The jobs that launch for this change in `ctx.pipeline` (top-level jobs first, in tree order). A child only
 * launches after its parent, so a filtered-out parent hides its whole subtree.
 */
export function jobsRunFor(resolved: ResolvedLayout, ctx: ChangeContext): JobNode[] {
  const tree = resolved.projects.get(ctx.project)?.get(ctx.pipeline) ?? [];
  const out: JobNode[] = [];
  const walk = (nodes: JobNode[]) => {
    for (const n of nodes) if (jobRunsFor(n, ctx)) out.push(n);
    for (const n of nodes) if (jobRunsFor(n, ctx)) walk(n.children);
  };
  walk(tree);
  return out;
}

/** A Gerrit event, as much of it as admission needs. */
export interface GerritEvent {
  type: string;
  branch?: string;
  ref?: string;
  newrev?: string;
  comment?: string;
  account?: { email?: string; username?: string };
  /** Votes carried by the event (e.g. the vote of a comment-added). */
  approvals?: { label: string; value: number }[];
  /** The change's state, for `require`/`reject` and `require-approval`/`reject-approval`. */
  change?: {
    open?: boolean;
    currentPatchset?: boolean;
    status?: string;
    approvals?: { label: string; value: number; username?: string; email?: string }[];
  };
}

type Compile = (source: string) => PyRegex | undefined;

function approvalMatches(spec: ApprovalSpec, a: { label: string; value: number; username?: string; email?: string }, compile: Compile): boolean {
  if (spec.username && !(a.username !== undefined && compile(spec.username)?.search(a.username))) return false;
  if (spec.email && !(a.email !== undefined && compile(spec.email)?.search(a.email))) return false;
  // older-than / newer-than need the approval time, which admission questions do not carry: not checked.
  for (const [label, values] of Object.entries(spec.labels)) {
    if (normalizeLabel(a.label) !== label || !values.includes(a.value)) return false;
  }
  return true;
}

function approvalsOk(required: ApprovalSpec[], rejected: ApprovalSpec[], ev: GerritEvent, compile: Compile): boolean {
  const have = ev.change?.approvals ?? [];
  if (!required.every((r) => have.some((a) => approvalMatches(r, a, compile)))) return false;
  return !rejected.some((r) => have.some((a) => approvalMatches(r, a, compile)));
}

const EMPTY_GIT_REF = '0'.repeat(40);

/**
 * Whether any Gerrit trigger filter of the pipeline accepts the event, and `require`/`reject` pass. Pass the
 * layout's `regexes` cache when asking many questions.
 */
export function pipelineAdmits(pipeline: Pipeline, ev: GerritEvent, regexes: PyRegexCache = new PyRegexCache()): boolean {
  const compile: Compile = (s) => {
    const c = regexes.compile(s);
    return c.ok ? c.regex : undefined;
  };
  const anyMatch = (sources: string[], value: string | undefined, how: 'match' | 'search') =>
    sources.length === 0 || (value !== undefined && sources.some((s) => compile(s)?.[how](value) ?? false));
  const triggered = pipeline.triggers.gerrit.some((f) => {
    if (!anyMatch(f.events, ev.type, 'match')) return false;
    if (!anyMatch(f.branches, ev.branch, 'match')) return false;
    if (!anyMatch(f.refs, ev.ref, 'match')) return false;
    if (f.ignoreDeletes && ev.newrev === EMPTY_GIT_REF) return false;
    if (!anyMatch(f.comments, ev.comment, 'search')) return false;
    if (ev.account) {
      if (!anyMatch(f.emails, ev.account.email, 'search')) return false;
      if (!anyMatch(f.usernames, ev.account.username, 'search')) return false;
    }
    for (const [label, value] of Object.entries(f.approvals)) {
      if (!(ev.approvals ?? []).some((a) => normalizeLabel(a.label) === label && a.value === value)) return false;
    }
    return approvalsOk(f.requireApprovals, f.rejectApprovals, ev, compile);
  });
  if (!triggered) return false;
  const req = pipeline.require;
  if (req) {
    if (req.open !== undefined && ev.change?.open !== req.open) return false;
    if (req.currentPatchset !== undefined && ev.change?.currentPatchset !== req.currentPatchset) return false;
    if (req.statuses.length > 0 && !req.statuses.includes(ev.change?.status ?? '')) return false;
    if (!approvalsOk(req.approvals, [], ev, compile)) return false;
  }
  return !pipeline.reject || approvalsOk([], pipeline.reject.approvals, ev, compile);
}
