/** The per-project parity report: JSON (docs/report-schema.md) and Markdown for a reviewer. Pure. */
import type { Diagnostic } from '../diagnostics.js';
import type { Loss, Outcome, ParityEntry, ProjectStatus } from '../convert/types.js';
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

/** `"key": value` lines of `jsonLines`, one per defined key. */
function jsonParts(doc: Record<string, unknown>, compact: readonly string[]): string[] {
  // Built key by key: stringifying the whole document and splicing the lists in would copy the report per list.
  const parts: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (v === undefined) continue;
    let body: string;
    if (compact.includes(k) && Array.isArray(v)) body = v.length ? `[\n    ${v.map((x) => JSON.stringify(x)).join(',\n    ')}\n  ]` : '[]';
    else body = JSON.stringify(v, null, 2).replaceAll('\n', '\n  ');
    parts.push(`  ${JSON.stringify(k)}: ${body}`);
  }
  return parts;
}

/**
 * Pretty JSON whose listed top-level arrays hold one compact item per line: a third of the size of fully
 * indented JSON (the reports are the bulk of the output), still diff-friendly.
 */
export function jsonLines(doc: Record<string, unknown>, compact: readonly string[]): string {
  return jsonObject(jsonParts(doc, compact));
}

function jsonObject(parts: readonly string[]): string {
  return parts.length ? `{\n${parts.join(',\n')}\n}\n` : '{}\n';
}

const COMPACT = ['pipelines', 'losses', 'entries', 'diagnostics'];

/** What the reports read of a project's plan besides its entries. Plain data: it crosses to the helper thread. */
export interface ReportSource {
  project: string;
  status: ProjectStatus;
  diagnostics: readonly Diagnostic[];
  jjbName?: string;
  pipelines: readonly PlPipeline[];
  /** the `.pipeline/` files written for the project */
  files: readonly string[];
}

export function reportSource(plan: ProjectPlan): ReportSource {
  const r = plan.result;
  const src: ReportSource = { project: r.project, status: r.status, diagnostics: r.diagnostics, pipelines: plan.pipelines, files: [...plan.files.keys()] };
  if (plan.jjbName !== undefined) src.jjbName = plan.jjbName;
  return src;
}

/**
 * The parts of both reports that follow from the entries alone. Projects of one shape share their entries
 * (convert/project.ts), so these are rendered once per shape.
 */
export interface EntryBlocks {
  /** the JSON report's `counts`, `losses` and `entries` */
  json: string;
  /** the Markdown status line after the status */
  mdCounts: string;
  /** the Markdown sections of the entries: rows by Zuul pipeline, reasons, losses ('' when none) */
  md: string;
}

export function entryBlocks(entries: readonly ParityEntry[]): EntryBlocks {
  const counts = countOutcomes(entries);
  const losses = lossCounts(entries);
  const json = jsonParts({ counts: { entries: entries.length, byOutcome: counts }, losses, entries }, COMPACT).join(',\n');
  const mdCounts = `${entries.length} entries: ${OUTCOMES.map((o) => `${o} ${counts[o]}`).join(', ')}.`;
  return { json, mdCounts, md: entriesMd(entries, losses).join('\n') };
}

/** Both report texts of a plan, rendered on their own. */
export function projectReports(plan: ProjectPlan): { json: string; md: string } {
  const src = reportSource(plan);
  const blocks = entryBlocks(plan.result.entries);
  return { json: projectReportJson(src, blocks), md: projectReportMd(src, blocks) };
}

export function projectReportJson(src: ReportSource, blocks: EntryBlocks): string {
  const head = {
    schema: REPORT_SCHEMA,
    project: src.project,
    status: src.status,
    jjbName: src.jjbName,
    files: src.files,
    pipelines: src.pipelines.map((p) => pipelineSummary(src.jjbName, p)),
  };
  return jsonObject([...jsonParts(head, COMPACT), blocks.json, ...jsonParts({ diagnostics: src.diagnostics }, COMPACT)]);
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

export function projectReportMd(src: ReportSource, blocks: EntryBlocks): string {
  const out: string[] = [`# ${src.project}`, ''];
  out.push(`Status: **${src.status}**. ${blocks.mdCounts}`, '');
  if (src.pipelines.length) {
    out.push('## PipelineLib pipelines', '', '| pipeline | voting | run by (Zuul) | trigger job | trigger filters | stages |', '|---|---|---|---|---|---|');
    for (const p of src.pipelines) {
      const s = pipelineSummary(src.jjbName, p);
      const filters = [s.branch ? `branch ${s.branch.join(' ')}` : '', s.files ? `files ${s.files.join(' ')}` : ''].filter(Boolean).join('; ');
      out.push(`| ${s.name} | ${s.voting ? 'yes' : 'no'} | ${s.zuulPipelines.join(', ')} | ${s.trigger ?? ''} | ${cell(filters)} | ${s.stages.join(', ')} |`);
    }
    out.push('', 'Each PipelineLib `run` step has a hard 20-minute limit.', '', `Files: ${src.files.map((f) => `\`${f}\``).join(', ')}`, '');
  }
  if (blocks.md) out.push(blocks.md);
  if (src.diagnostics.length) out.push('## Diagnostics', '', ...src.diagnostics.map(diagLine), '');
  return out.join('\n');
}

/** The Markdown lines of the entries: rows by Zuul pipeline, reasons, losses. */
function entriesMd(entries: readonly ParityEntry[], losses: ReturnType<typeof lossCounts>): string[] {
  const out: string[] = [];
  // one pass: rows by Zuul pipeline (pipelines in order of first appearance), reasons by code (first message)
  const rowsByZuul = new Map<string, string[]>();
  const reasons = new Map<string, string>();
  for (const e of entries) {
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
  if (losses.length) {
    out.push('## Losses', '');
    for (const l of losses) out.push(`- \`${l.loss}\` (${l.entries} entries): ${l.message}`);
    out.push('');
  }
  return out;
}
