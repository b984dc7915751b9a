/**
 * One parity entry as report text: its JSON line and its Markdown row, optionally memoised by content. Most
 * entries repeat across projects (the same job in hundreds of repositories), so a batch renders each distinct
 * entry once. Pure from the caller's view.
 */
import type { ParityEntry } from '../convert/types.js';
import { LOSS_ORDER } from './parity.js';

/** The entry's JSON line: the project is the report's own, so the line leaves it out. */
export function entryJson(e: ParityEntry): string {
  const { project: _, ...rest } = e;
  return JSON.stringify(rest);
}

/** Escapes a Markdown table cell. */
export function cell(s: string): string {
  if (!/[\\|\n]/.test(s)) return s;
  return s.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The entry's row of its Zuul pipeline's Markdown table. */
export function entryRow(e: ParityEntry): string {
  const job = e.parent ? `${cell(e.job)} (after ${cell(e.parent)})` : cell(e.job);
  const pl = e.plPipeline ? `${e.plPipeline} / ${e.stage}` : '';
  const reason = e.reason ? `\`${e.reason.code}\`` : '';
  return `| ${job} | ${e.voting ? 'yes' : 'no'} | ${e.outcome} | ${cell(pl)} | ${e.losses.join(', ')} | ${reason} |`;
}

/** The serialized members of an entry: every ParityEntry field but the project. */
const MEMBERS = new Set(['zuulPipeline', 'job', 'voting', 'branch', 'files', 'skipIf', 'parent', 'outcome', 'losses', 'reason', 'ruleId', 'plPipeline', 'stage']);

type Copy = Omit<ParityEntry, 'project'>;

/** What the reports need of one entry, found once per distinct entry: its text, rendered on first need. */
export interface EntryFacts {
  json?: string;
  md?: string;
  /** a `partial` entry's losses as indexes into LOSS_ORDER (repeats kept, losses outside it left out) */
  lossIndexes: readonly number[];
}

/** One distinct entry: its keys in order (the project's included) and a copy of its members. */
interface Seen extends EntryFacts {
  keys: string[];
  copy: Copy;
}

const LOSS_INDEX = new Map(LOSS_ORDER.map((l, i) => [l as string, i]));

function lossIndexes(e: ParityEntry): number[] {
  const out: number[] = [];
  if (e.outcome !== 'partial') return out;
  for (const l of e.losses) {
    const i = LOSS_INDEX.get(l);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/**
 * Rendered entries of one batch, found by job name and then compared member by member with what was rendered.
 * Create one per run: it grows with the distinct entries.
 */
export interface ReportCache {
  byJob: Map<string, Seen[]>;
}

export function reportCache(): ReportCache {
  return { byJob: new Map() };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isOptList = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(isString));

function isReason(v: unknown): v is { code: string; message: string } {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  const r = v as Record<string, unknown>;
  return keys.length === 2 && keys[0] === 'code' && keys[1] === 'message' && isString(r.code) && isString(r.message);
}

/**
 * A copy that later changes to the entry cannot reach, or undefined when the entry is not the plain data the
 * fast comparison understands (an unknown key, a value of another type): such an entry is rendered each time.
 */
function copyOf(e: ParityEntry, keys: readonly string[]): Copy | undefined {
  for (const k of keys) if (k !== 'project' && !MEMBERS.has(k)) return undefined;
  const ok =
    [e.zuulPipeline, e.job, e.skipIf, e.parent, e.outcome, e.ruleId, e.plPipeline, e.stage].every(isOptString) &&
    (e.voting === undefined || typeof e.voting === 'boolean') &&
    [e.branch, e.files, e.losses].every(isOptList) &&
    (e.reason === undefined || isReason(e.reason));
  if (!ok) return undefined;
  // one shape for every copy (the key order is kept apart), so comparing against copies stays cheap
  return {
    zuulPipeline: e.zuulPipeline,
    job: e.job,
    voting: e.voting,
    branch: e.branch?.slice(),
    files: e.files?.slice(),
    skipIf: e.skipIf,
    parent: e.parent,
    outcome: e.outcome,
    losses: e.losses?.slice(),
    reason: e.reason && { code: e.reason.code, message: e.reason.message },
    ruleId: e.ruleId,
    plPipeline: e.plPipeline,
    stage: e.stage,
  };
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (!Array.isArray(a) || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the entry's members equal the copy's. The keys (and their order) are compared beforehand. */
function sameMembers(e: ParityEntry, c: Copy): boolean {
  return (
    e.zuulPipeline === c.zuulPipeline &&
    e.job === c.job &&
    e.voting === c.voting &&
    e.outcome === c.outcome &&
    e.ruleId === c.ruleId &&
    e.plPipeline === c.plPipeline &&
    e.stage === c.stage &&
    e.parent === c.parent &&
    e.skipIf === c.skipIf &&
    sameList(e.losses, c.losses) &&
    sameList(e.branch, c.branch) &&
    sameList(e.files, c.files) &&
    (e.reason === undefined || c.reason === undefined ? e.reason === c.reason : isReason(e.reason) && e.reason.code === c.reason.code && e.reason.message === c.reason.message)
  );
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The entry's facts, through the cache when given: an entry equal to one already seen (same keys in the same
 * order, same members but the project, hence the same JSON line and row) shares its facts and text.
 */
export function factsOf(cache: ReportCache | undefined, e: ParityEntry): EntryFacts {
  if (!cache) return { json: undefined, md: undefined, lossIndexes: lossIndexes(e) };
  const keys = Object.keys(e);
  let list = cache.byJob.get(e.job);
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (sameMembers(e, s.copy) && sameKeys(keys, s.keys)) return s;
    }
  }
  const copy = copyOf(e, keys);
  if (!copy) return { json: undefined, md: undefined, lossIndexes: lossIndexes(e) };
  const seen: Seen = { json: undefined, md: undefined, lossIndexes: lossIndexes(e), keys, copy };
  if (list) list.push(seen);
  else cache.byJob.set(e.job, (list = [seen]));
  return seen;
}
