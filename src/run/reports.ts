/**
 * A project's two report files. With the helper thread they are rendered there: the plan travels as plain data
 * (`PlanView`, with its `.pipeline/` texts, which the helper writes too), which costs the main thread far less
 * than rendering and encoding 21 MB of JSON and Markdown.
 * Projects of one shape share their entries (convert/project.ts); the text of the entries is rendered once per
 * shape (`EntryBlocks`), and the entries travel to the helper once per shape.
 */
import type { ParityEntry } from '../convert/types.js';
import type { ProjectPlan } from '../convert/project.js';
import { reportPath } from '../convert/paths.js';
import { entryBlocks, projectReportJson, projectReportMd, reportSource, type EntryBlocks, type ReportSource } from '../report/project-report.js';

/**
 * A plan as its files need it: what the reports read, and the `.pipeline/` texts. `entries` come with the first
 * view of a shape only; later ones name the shape.
 */
export interface PlanView {
  source: ReportSource;
  shape: number;
  entries?: readonly ParityEntry[];
  /** the `.pipeline/` files: path, text */
  files: [string, string][];
}

function reportFiles(source: ReportSource, blocks: EntryBlocks): [string, string][] {
  return [
    [reportPath(source.project, 'json'), projectReportJson(source, blocks)],
    [reportPath(source.project, 'md'), projectReportMd(source, blocks)],
  ];
}

/** `reports/<project>.json` and `.md`, rendered on their own. */
export function renderReports(plan: ProjectPlan): [string, string][] {
  return reportFiles(reportSource(plan), entryBlocks(plan.result.entries));
}

/** Makes the views of plans for one receiver: the entries of a shape go with the first view of it only. */
export function viewMaker(): (plan: ProjectPlan) => PlanView {
  const shapes = new Map<readonly ParityEntry[], number>();
  return (plan) => {
    const entries = plan.result.entries;
    const known = shapes.get(entries);
    const files = [...plan.files];
    if (known !== undefined) return { source: reportSource(plan), shape: known, files };
    shapes.set(entries, shapes.size);
    return { source: reportSource(plan), shape: shapes.size - 1, entries, files };
  };
}

/** Renders views, in the order they were made (in the helper thread, or after `viewMaker` in this one). */
export function viewRenderer(): (view: PlanView) => [string, string][] {
  const blocks = new Map<number, EntryBlocks>();
  return (view) => {
    let b = blocks.get(view.shape);
    if (!b) {
      if (!view.entries) throw new Error(`report view of ${view.source.project}: shape ${view.shape} arrived without its entries`);
      blocks.set(view.shape, (b = entryBlocks(view.entries)));
    }
    return reportFiles(view.source, b);
  };
}

/** Renders plans in this thread: the same views, the entries' text once per shape. */
export function planRenderer(): (plan: ProjectPlan) => [string, string][] {
  const view = viewMaker();
  const render = viewRenderer();
  return (plan) => render(view(plan));
}
