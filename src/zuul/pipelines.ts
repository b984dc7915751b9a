/** Reads `pipelines:` entries into typed `Pipeline` data (Zuul 2.5 `_parseConfig` defaults). */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import type { ApprovalSpec, ChangeRequirements, GerritTriggerFilter, Pipeline, PipelineManager } from './types.js';
import { isDict, strings, toList, type Dict } from './values.js';

const MANAGERS = new Set<string>(['IndependentPipelineManager', 'DependentPipelineManager']);
const APPROVAL_META = new Set(['username', 'email', 'older-than', 'newer-than', 'username-filter', 'email-filter']);

/** Gerrit label normalisation used by Zuul: lower case, spaces become dashes. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/ /g, '-');
}

export function parseApproval(d: Dict): ApprovalSpec {
  const spec: ApprovalSpec = { labels: {} };
  for (const [k, v] of Object.entries(d)) {
    if (k === 'username' || k === 'username-filter') spec.username = String(v);
    else if (k === 'email' || k === 'email-filter') spec.email = String(v);
    else if (k === 'older-than') spec.olderThan = String(v);
    else if (k === 'newer-than') spec.newerThan = String(v);
    else if (!APPROVAL_META.has(k)) spec.labels[normalizeLabel(k)] = toList(v).map((x) => Number(x));
  }
  return spec;
}

function approvals(v: unknown): ApprovalSpec[] {
  return toList(v).filter(isDict).map(parseApproval);
}

/** Backwards-compatible `*_filter` spelling: used only when the plain key is empty. */
function withFilterAlias(t: Dict, key: string): string[] {
  const plain = strings(t[key]);
  return plain.length > 0 ? plain : strings(t[`${key}_filter`]);
}

function gerritFilter(t: Dict, line: number | undefined): GerritTriggerFilter {
  const eventApprovals: Record<string, number> = {};
  for (const a of toList(t['approval'])) {
    if (isDict(a)) for (const [k, v] of Object.entries(a)) eventApprovals[normalizeLabel(k)] = Number(v);
  }
  return {
    events: strings(t['event']),
    branches: strings(t['branch']),
    refs: strings(t['ref']),
    ignoreDeletes: t['ignore-deletes'] === undefined ? true : Boolean(t['ignore-deletes']),
    approvals: eventApprovals,
    comments: withFilterAlias(t, 'comment'),
    emails: withFilterAlias(t, 'email'),
    usernames: withFilterAlias(t, 'username'),
    requireApprovals: approvals(t['require-approval']),
    rejectApprovals: approvals(t['reject-approval']),
    ...(line !== undefined ? { line } : {}),
  };
}

function requirements(r: unknown): ChangeRequirements | undefined {
  if (!isDict(r)) return undefined;
  const req: ChangeRequirements = { approvals: approvals(r['approval']), statuses: strings(r['status']) };
  if (r['open'] !== undefined) req.open = Boolean(r['open']);
  if (r['current-patchset'] !== undefined) req.currentPatchset = Boolean(r['current-patchset']);
  return req;
}

function optString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function reporter(v: unknown): Dict | undefined {
  return isDict(v) ? v : undefined;
}

export function parsePipeline(
  p: Dict,
  where: { file: string; line?: number },
  lineOf: (n: unknown) => number | undefined,
  diags: Diagnostic[],
): Pipeline {
  const name = String(p['name']);
  const manager = String(p['manager']);
  if (!MANAGERS.has(manager)) diags.push(zuulDiag('zuul-unknown-manager', where, `${name}: ${manager}`));
  const trigger = isDict(p['trigger']) ? p['trigger'] : {};
  const gerrit = toList(trigger['gerrit'])
    .filter(isDict)
    .map((t) => gerritFilter(t, lineOf(t)));
  const timer = toList(trigger['timer'])
    .filter(isDict)
    .map((t) => String(t['time']));
  const precedence = p['precedence'] === 'low' || p['precedence'] === 'high' ? p['precedence'] : 'normal';
  const pipeline: Pipeline = {
    name,
    manager: (MANAGERS.has(manager) ? manager : 'IndependentPipelineManager') as PipelineManager,
    precedence,
    triggers: { gerrit, timer, zuul: toList(trigger['zuul']) },
    reporters: {},
    messages: {},
    dequeueOnNewPatchset: p['dequeue-on-new-patchset'] === undefined ? true : Boolean(p['dequeue-on-new-patchset']),
    ignoreDependencies: Boolean(p['ignore-dependencies'] ?? false),
    window: {
      size: Number(p['window'] ?? 20),
      floor: Number(p['window-floor'] ?? 3),
      increaseType: String(p['window-increase-type'] ?? 'linear'),
      increaseFactor: Number(p['window-increase-factor'] ?? 1),
      decreaseType: String(p['window-decrease-type'] ?? 'exponential'),
      decreaseFactor: Number(p['window-decrease-factor'] ?? 2),
    },
    ...(where.line !== undefined ? { line: where.line } : {}),
  };
  const description = optString(p['description']);
  if (description !== undefined) pipeline.description = description;
  const source = optString(p['source']);
  if (source !== undefined) pipeline.source = source;
  const require = requirements(p['require']);
  if (require) pipeline.require = require;
  if (isDict(p['reject'])) pipeline.reject = { approvals: approvals(p['reject']['approval']) };
  const rep = pipeline.reporters;
  const set = <K extends keyof Pipeline['reporters']>(k: K, v: Dict | undefined) => v && (rep[k] = v);
  set('start', reporter(p['start']));
  set('success', reporter(p['success']));
  set('failure', reporter(p['failure']));
  // merge-failure defaults to the failure reporters (Zuul 2.5).
  set('mergeFailure', reporter(p['merge-failure']) ?? reporter(p['failure']));
  set('disabled', reporter(p['disabled']));
  const msg = pipeline.messages;
  for (const [key, field] of [
    ['success-message', 'success'],
    ['failure-message', 'failure'],
    ['merge-failure-message', 'mergeFailure'],
    ['footer-message', 'footer'],
  ] as const) {
    const m = optString(p[key]);
    if (m !== undefined) msg[field] = m;
  }
  return pipeline;
}

/** Calls `visit` for every regex source of a pipeline's triggers and requirements (no list is built: the
 * e-mail allow-list alone repeats about 700 patterns in each of 20 filters). */
export function forEachPipelineRegex(p: Pipeline, visit: (source: string, line: number | undefined) => void): void {
  const approvalRegexes = (list: ApprovalSpec[], line: number | undefined) => {
    for (const a of list) {
      if (a.username !== undefined) visit(a.username, line);
      if (a.email !== undefined) visit(a.email, line);
    }
  };
  const each = (list: string[], line: number | undefined) => {
    for (let i = 0; i < list.length; i++) visit(list[i]!, line);
  };
  for (const f of p.triggers.gerrit) {
    const line = f.line ?? p.line;
    each(f.events, line);
    each(f.branches, line);
    each(f.refs, line);
    each(f.comments, line);
    each(f.emails, line);
    each(f.usernames, line);
    approvalRegexes(f.requireApprovals, line);
    approvalRegexes(f.rejectApprovals, line);
  }
  if (p.require) approvalRegexes(p.require.approvals, p.line);
  if (p.reject) approvalRegexes(p.reject.approvals, p.line);
}
