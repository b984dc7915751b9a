/** The per-project parity report: JSON (docs/report-schema.md) and Markdown for a reviewer. Pure. */
import type { Diagnostic } from '../diagnostics.js';
import type { Loss, Outcome, ParityEntry } from '../convert/types.js';
import { LOSSES } from '../convert/types.js';
import type { PlPipeline } from '../emit/pipelines.js';
import { triggerJob } from '../emit/integration.js';
import type { ProjectPlan } from '../convert/project.js';
import { sortLosses } from './parity.js';

export const REPORT_SCHEMA = 'j2a-parity-report/v1';
export const OUTCOMES: readonly Outcome[] = ['translated', 'partial', 'unsupported', 'already-migrated', 'skipped'];

export function countOutcomes(entries: readonly ParityEntry[]): Record<Outcome, number> {
  const c = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const e of entries) c[e.outcome]++;
  return c;
}

/** Losses of the `partial` entries with their entry counts; which jobs have them is in the entries themselves. */
function lossCounts(entries: readonly ParityEntry[]): { loss: Loss; message: string; entries: number }[] {
  const n = new Map<Loss, number>();
  for (const e of entries) {
    if (e.outcome !== 'partial') continue;
    for (const l of e.losses) n.set(l, (n.get(l) ?? 0) + 1);
  }
  return sortLosses(n.keys()).map((loss) => ({ loss, message: LOSSES[loss], entries: n.get(loss)! }));
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
export function jsonLines(doc: Record<string, unknown>, compact: readonly string[]): string {
  // Built key by key: stringifying the whole document and splicing the lists in would copy the report per list.
  const parts: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (v === undefined) continue;
    let body: string;
    if (compact.includes(k) && Array.isArray(v)) body = v.length ? `[\n    ${v.map((x) => JSON.stringify(x)).join(',\n    ')}\n  ]` : '[]';
    else body = JSON.stringify(v, null, 2).replaceAll('\n', '\n  ');
    parts.push(`  ${JSON.stringify(k)}: ${body}`);
  }
  return parts.length ? `{\n${parts.join(',\n')}\n}\n` : '{}\n';
}

export function projectReportJson(plan: ProjectPlan): string {
  const r = plan.result;
  const doc = {
    schema: REPORT_SCHEMA,
    project: r.project,
    status: r.status,
    jjbName: plan.jjbName,
    files: [...plan.files.keys()],
    pipelines: plan.pipelines.map((p) => pipelineSummary(plan.jjbName, p)),
    counts: { entries: r.entries.length, byOutcome: countOutcomes(r.entries) },
    losses: lossCounts(r.entries),
    // the project is the report's own: entries leave it out
    entries: r.entries.map(({ project: _, ...rest }) => rest),
    diagnostics: r.diagnostics,
  };
  return jsonLines(doc, ['pipelines', 'losses', 'entries', 'diagnostics']);
}

/** Escapes a Markdown table cell. */
export function cell(s: string): string {
  if (!/[\\|\n]/.test(s)) return s;
  return s.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function diagLine(d: Diagnostic): string {
  const data = d.data ? ` (${Object.entries(d.data).map(([k, v]) => `${k}: ${String(v)}`).join(', ')})` : '';
  return `- ${d.severity} \`${d.code}\`${d.job ? ` job \`${d.job}\`` : ''}: ${d.message}${data}`;
}

export function projectReportMd(plan: ProjectPlan): string {
  const r = plan.result;
  const counts = countOutcomes(r.entries);
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
  // one pass: rows by Zuul pipeline (pipelines in order of first appearance), reasons by code (first message)
  const rowsByZuul = new Map<string, string[]>();
  const reasons = new Map<string, string>();
  for (const e of r.entries) {
    const job = e.parent ? `${cell(e.job)} (after ${cell(e.parent)})` : cell(e.job);
    const pl = e.plPipeline ? `${e.plPipeline} / ${e.stage}` : '';
    const reason = e.reason ? `\`${e.reason.code}\`` : '';
    const row = `| ${job} | ${e.voting ? 'yes' : 'no'} | ${e.outcome} | ${cell(pl)} | ${e.losses.join(', ')} | ${reason} |`;
    const rows = rowsByZuul.get(e.zuulPipeline);
    if (rows) rows.push(row);
    else rowsByZuul.set(e.zuulPipeline, [row]);
    if (e.reason && !reasons.has(e.reason.code)) reasons.set(e.reason.code, e.reason.message);
  }
  for (const [z, rows] of rowsByZuul) out.push(`## Zuul \`${z}\``, '', '| job | voting | outcome | PipelineLib | losses | reason |', '|---|---|---|---|---|---|', ...rows, '');
  if (reasons.size) out.push('## Reasons', '', ...[...reasons].map(([code, message]) => `- \`${code}\`: ${message}`), '');
  const losses = lossCounts(r.entries);
  if (losses.length) {
    out.push('## Losses', '');
    for (const l of losses) out.push(`- \`${l.loss}\` (${l.entries} entries): ${l.message}`);
    out.push('');
  }
  if (r.diagnostics.length) out.push('## Diagnostics', '', ...r.diagnostics.map(diagLine), '');
  return out.join('\n');
}
