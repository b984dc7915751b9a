/**
 * A project's two report files, rendered from its plan. With the helper thread the rendering happens there:
 * the plan travels as plain data (`reportView`), which costs the main thread far less than rendering and
 * encoding 21 MB of JSON and Markdown itself.
 */
import type { ProjectPlan } from '../convert/project.js';
import { reportPath } from '../convert/paths.js';
import { projectReportJson, projectReportMd } from '../report/project-report.js';

/** What the reports read of a plan: not the `.pipeline/` texts (only their paths) nor the integration entries. */
export function reportView(plan: ProjectPlan): ProjectPlan {
  return { result: plan.result, ...(plan.jjbName !== undefined ? { jjbName: plan.jjbName } : {}), pipelines: plan.pipelines, files: new Map([...plan.files.keys()].map((k) => [k, ''])) };
}

/** `reports/<project>.json` and `.md`. */
export function renderReports(plan: ProjectPlan): [string, string][] {
  const project = plan.result.project;
  return [
    [reportPath(project, 'json'), projectReportJson(plan)],
    [reportPath(project, 'md'), projectReportMd(plan)],
  ];
}
