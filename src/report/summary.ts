/** The corpus summary (summary.json, summary.md and the stdout table). Pure. */
import type { JobTranslation, Loss, Outcome, ProjectStatus } from '../convert/types.js';
import { LOSSES } from '../convert/types.js';
import type { ProjectPlan } from '../convert/project.js';
import { OUTCOMES, cell, jsonLines } from './project-report.js';
import { sortLosses } from './parity.js';

export const SUMMARY_SCHEMA = 'j2a-summary/v1';
export const STATUSES: readonly (ProjectStatus | 'failed')[] = ['migrated', 'convertible', 'partial', 'blocked', 'archived', 'failed'];

/** What the batch gives back for one project. */
export type ProjectOutcome = { project: string; plan: ProjectPlan } | { project: string; failed: { code: string; message: string } };

export interface Summary {
  schema: string;
  validation: 'schema' | 'structural';
  projects: number;
  byStatus: Record<ProjectStatus | 'failed', number>;
  entries: number;
  byOutcome: Record<Outcome, number>;
  byEcosystem: { ecosystem: string; entries: number; byOutcome: Record<Outcome, number> }[];
  unsupportedReasons: { code: string; message: string; entries: number; projects: string[] }[];
  losses: { loss: Loss; message: string; entries: number; projects: string[] }[];
  failed: { project: string; code: string; message: string }[];
  filesWritten: number;
}

function zero(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

const byCount = <T extends { entries: number }>(key: (x: T) => string) => (a: T, b: T) =>
  b.entries - a.entries || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function summarize(
  outcomes: readonly ProjectOutcome[],
  translationOf: (job: string) => JobTranslation | undefined,
  validation: Summary['validation'],
): Summary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Summary['byStatus'];
  const byOutcome = zero();
  const eco = new Map<string, Record<Outcome, number>>();
  const reasons = new Map<string, { message: string; entries: number; projects: Set<string> }>();
  const losses = new Map<Loss, { entries: number; projects: Set<string> }>();
  const failed: Summary['failed'] = [];
  let entries = 0;
  let filesWritten = 0;
  for (const o of outcomes) {
    if ('failed' in o) {
      byStatus.failed++;
      failed.push({ project: o.project, ...o.failed });
      continue;
    }
    const r = o.plan.result;
    byStatus[r.status]++;
    filesWritten += o.plan.files.size;
    for (const e of r.entries) {
      entries++;
      byOutcome[e.outcome]++;
      const ecosystem = translationOf(e.job)?.ecosystem ?? '(none)';
      if (!eco.has(ecosystem)) eco.set(ecosystem, zero());
      eco.get(ecosystem)![e.outcome]++;
      if (e.outcome === 'unsupported' && e.reason) {
        const x = reasons.get(e.reason.code) ?? { message: e.reason.message, entries: 0, projects: new Set<string>() };
        x.entries++;
        x.projects.add(r.project);
        reasons.set(e.reason.code, x);
      }
      if (e.outcome === 'partial') {
        for (const l of e.losses) {
          const x = losses.get(l) ?? { entries: 0, projects: new Set<string>() };
          x.entries++;
          x.projects.add(r.project);
          losses.set(l, x);
        }
      }
    }
  }
  const byEcosystem = [...eco].map(([ecosystem, c]) => ({ ecosystem, entries: OUTCOMES.reduce((n, k) => n + c[k], 0), byOutcome: c }));
  return {
    schema: SUMMARY_SCHEMA,
    validation,
    projects: outcomes.length,
    byStatus,
    entries,
    byOutcome,
    byEcosystem: byEcosystem.sort(byCount((x) => x.ecosystem)),
    unsupportedReasons: [...reasons]
      .map(([code, x]) => ({ code, message: x.message, entries: x.entries, projects: [...x.projects] }))
      .sort(byCount((x) => x.code)),
    losses: sortLosses(losses.keys())
      .map((loss) => ({ loss, message: LOSSES[loss], entries: losses.get(loss)!.entries, projects: [...losses.get(loss)!.projects] }))
      .sort(byCount((x) => x.loss)),
    failed,
    filesWritten,
  };
}

export function summaryJson(s: Summary): string {
  return jsonLines({ ...s }, ['byEcosystem', 'unsupportedReasons', 'losses', 'failed']);
}

const TOP = 10;

function projectList(projects: readonly string[]): string {
  const head = projects.slice(0, TOP).map((p) => `\`${p}\``).join(', ');
  return projects.length > TOP ? `${head} and ${projects.length - TOP} more` : head;
}

/** The compact table printed on stdout. */
export function summaryTable(s: Summary): string {
  const lines = [`projects ${s.projects}: ${STATUSES.map((k) => `${k} ${s.byStatus[k]}`).join(', ')}`];
  lines.push(`entries ${s.entries}: ${OUTCOMES.map((k) => `${k} ${s.byOutcome[k]}`).join(', ')}`);
  for (const r of s.unsupportedReasons.slice(0, 5)) lines.push(`  unsupported ${r.code}: ${r.entries} entries, ${r.projects.length} projects`);
  for (const l of s.losses.slice(0, 5)) lines.push(`  loss ${l.loss}: ${l.entries} entries, ${l.projects.length} projects`);
  if (s.failed.length) lines.push(`failed: ${s.failed.map((f) => f.project).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function summaryMd(s: Summary): string {
  const out = ['# j2a conversion summary', ''];
  out.push(`${s.projects} projects, ${s.entries} entries (one per project, Zuul pipeline and job).`);
  out.push(`Emitted files were checked with ${s.validation === 'schema' ? 'the reference JSON Schemas' : 'the built-in structural check (schemas not found)'}.`, '');
  out.push('## Projects by status', '', '| status | projects |', '|---|---|', ...STATUSES.map((k) => `| ${k} | ${s.byStatus[k]} |`), '');
  out.push('## Entries by outcome', '', '| outcome | entries |', '|---|---|', ...OUTCOMES.map((k) => `| ${k} | ${s.byOutcome[k]} |`), '');
  out.push('## By ecosystem', '', `| ecosystem | entries | ${OUTCOMES.join(' | ')} |`, `|---|---|${OUTCOMES.map(() => '---|').join('')}`);
  for (const e of s.byEcosystem) out.push(`| ${cell(e.ecosystem)} | ${e.entries} | ${OUTCOMES.map((k) => e.byOutcome[k]).join(' | ')} |`);
  out.push('', '## Top unsupported reasons', '', '| reason | entries | projects blocked |', '|---|---|---|');
  for (const r of s.unsupportedReasons.slice(0, TOP)) out.push(`| \`${r.code}\`: ${cell(r.message)} | ${r.entries} | ${r.projects.length}: ${projectList(r.projects)} |`);
  out.push('', '## Top losses', '', '| loss | entries | projects |', '|---|---|---|');
  for (const l of s.losses.slice(0, TOP)) out.push(`| \`${l.loss}\`: ${cell(l.message)} | ${l.entries} | ${l.projects.length}: ${projectList(l.projects)} |`);
  if (s.failed.length) out.push('', '## Failed', '', ...s.failed.map((f) => `- \`${f.project}\`: ${f.code}: ${f.message}`));
  out.push('');
  return out.join('\n');
}
