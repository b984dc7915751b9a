/** The per-project parity report: JSON (docs/report-schema.md) and Markdown for a reviewer. Pure. */
import type { Diagnostic } from '../diagnostics.js';
import type { Loss, Outcome, ParityEntry } from '../convert/types.js';
import { LOSSES } from '../convert/types.js';
import type { PlPipeline } from '../emit/pipelines.js';
import { triggerJob } from '../emit/integration.js';
import type { ProjectPlan } from '../convert/project.js';
import { LOSS_ORDER } from './parity.js';
import { cell, entryJson, entryRow, factsOf, type EntryFacts, type ReportCache } from './entry-text.js';

export const REPORT_SCHEMA = 'j2a-parity-report/v1';
export const OUTCOMES: readonly Outcome[] = ['translated', 'partial', 'unsupported', 'already-migrated', 'skipped'];

/** A project's entries in one pass: their facts (shared through the cache), outcome and loss counts. */
interface Tally {
  facts: EntryFacts[];
  byOutcome: Record<Outcome, number>;
  /** losses of the `partial` entries with their entry counts; which jobs have them is in the entries themselves */
  losses: { loss: Loss; message: string; entries: number }[];
}

function tally(entries: readonly ParityEntry[], cache: ReportCache | undefined): Tally {
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const n = new Array<number>(LOSS_ORDER.length).fill(0);
  const facts: EntryFacts[] = [];
  for (const e of entries) {
    byOutcome[e.outcome]++;
    const f = factsOf(cache, e);
    for (const i of f.lossIndexes) n[i]!++;
    facts.push(f);
  }
  const losses = [];
  for (let i = 0; i < n.length; i++) if (n[i]) losses.push({ loss: LOSS_ORDER[i]!, message: LOSSES[LOSS_ORDER[i]!], entries: n[i]! });
  return { facts, byOutcome, losses };
}

function pipelineSummary(jjbName: string | undefined, p: PlPipeline) {
  return {
    name: p.name,
    voting: p.voting,
    zuulPipelines: p.zuulPipelines,
    trigger: jjbName ? triggerJob(jjbName, p.name) : undefined,
    branch: p.branch,
    files: p.files,
    stages: p.stages.map((s) => s.name),
  };
}

/**
 * Pretty JSON whose listed top-level arrays hold one compact item per line: a third of the size of fully
 * indented JSON (the reports are the bulk of the output), still diff-friendly.
 */
export function jsonLines(doc: Record<string, unknown>, compact: readonly string[], item: (key: string, x: unknown) => string = (_, x) => JSON.stringify(x)): string {
  // One join at the end: joining per list and again per document would copy the report (mostly entries) twice.
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (v === undefined) continue;
    out.push(out.length ? ',\n  ' : '{\n  ', JSON.stringify(k), ': ');
    if (compact.includes(k) && Array.isArray(v)) {
      if (!v.length) out.push('[]');
      else {
        out.push('[\n    ');
        v.forEach((x, i) => out.push(i ? ',\n    ' : '', item(k, x)));
        out.push('\n  ]');
      }
    } else out.push(JSON.stringify(v, null, 2).replaceAll('\n', '\n  '));
  }
  out.push(out.length ? '\n}\n' : '{}\n');
  return out.join('');
}

/** The JSON report; `cache` (one per batch) renders each distinct entry once across projects. */
export function projectReportJson(plan: ProjectPlan, cache?: ReportCache): string {
  return reportJson(plan, tally(plan.result.entries, cache));
}

/** The Markdown report; `cache` as for projectReportJson. */
export function projectReportMd(plan: ProjectPlan, cache?: ReportCache): string {
  return reportMd(plan, tally(plan.result.entries, cache));
}

function reportJson(plan: ProjectPlan, t: Tally): string {
  const r = plan.result;
  const doc = {
    schema: REPORT_SCHEMA,
    project: r.project,
    status: r.status,
    jjbName: plan.jjbName,
    files: [...plan.files.keys()],
    pipelines: plan.pipelines.map((p) => pipelineSummary(plan.jjbName, p)),
    counts: { entries: r.entries.length, byOutcome: t.byOutcome },
    losses: t.losses,
    // the project is the report's own: entries leave it out (entryJson)
    entries: t.facts.map((f, i) => (f.json ??= entryJson(r.entries[i]!))),
    diagnostics: r.diagnostics,
  };
  return jsonLines(doc, ['pipelines', 'losses', 'entries', 'diagnostics'], (k, x) => (k === 'entries' ? (x as string) : JSON.stringify(x)));
}

function diagLine(d: Diagnostic): string {
  const data = d.data ? ` (${Object.entries(d.data).map(([k, v]) => `${k}: ${String(v)}`).join(', ')})` : '';
  return `- ${d.severity} \`${d.code}\`${d.job ? ` job \`${d.job}\`` : ''}: ${d.message}${data}`;
}

function reportMd(plan: ProjectPlan, t: Tally): string {
  const r = plan.result;
  const counts = t.byOutcome;
  const out: string[] = [`# ${r.project}`, ''];
  out.push(`Status: **${r.status}**. ${r.entries.length} entries: ${OUTCOMES.map((o) => `${o} ${counts[o]}`).join(', ')}.`, '');
  if (plan.pipelines.length) {
    out.push('## PipelineLib pipelines', '', '| pipeline | voting | run by (Zuul) | trigger job | trigger filters | stages |', '|---|---|---|---|---|---|');
    for (const p of plan.pipelines) {
      const s = pipelineSummary(plan.jjbName, p);
      const filters = [s.branch ? `branch ${s.branch.join(' ')}` : '', s.files ? `files ${s.files.join(' ')}` : ''].filter(Boolean).join('; ');
      out.push(`| ${s.name} | ${s.voting ? 'yes' : 'no'} | ${s.zuulPipelines.join(', ')} | ${s.trigger ?? ''} | ${cell(filters)} | ${s.stages.join(', ')} |`);
    }
    out.push('', 'Each PipelineLib `run` step has a hard 20-minute limit.', '', `Files: ${[...plan.files.keys()].map((f) => `\`${f}\``).join(', ')}`, '');
  }
  // rows by Zuul pipeline, pipelines in order of first appearance; reasons by code, first message kept
  const byZuul = new Map<string, string[]>();
  const reasons = new Map<string, string>();
  r.entries.forEach((e, i) => {
    const row = (t.facts[i]!.md ??= entryRow(e));
    const rows = byZuul.get(e.zuulPipeline);
    if (rows) rows.push(row);
    else byZuul.set(e.zuulPipeline, [row]);
    if (e.reason && !reasons.has(e.reason.code)) reasons.set(e.reason.code, e.reason.message);
  });
  for (const [z, rows] of byZuul) out.push(`## Zuul \`${z}\``, '', '| job | voting | outcome | PipelineLib | losses | reason |', '|---|---|---|---|---|---|', ...rows, '');
  if (reasons.size) out.push('## Reasons', '', ...[...reasons].map(([code, message]) => `- \`${code}\`: ${message}`), '');
  const losses = t.losses;
  if (losses.length) {
    out.push('## Losses', '');
    for (const l of losses) out.push(`- \`${l.loss}\` (${l.entries} entries): ${l.message}`);
    out.push('');
  }
  if (r.diagnostics.length) out.push('## Diagnostics', '', ...r.diagnostics.map(diagLine), '');
  return out.join('\n');
}
