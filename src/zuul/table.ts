/** `--format table`: one line per job node: project, pipeline, job (indented by depth), voting, filters. */
import { skipIfRepr } from './jobs.js';
import type { JobNode, ResolvedLayout } from './types.js';

function filters(n: JobNode): string {
  const parts: string[] = [];
  if (n.branch) parts.push(`branch=${n.branch.join('|')}`);
  if (n.files) parts.push(`files=${n.files.join('|')}`);
  if (n.skipIf) parts.push(`skip-if=${skipIfRepr(n.skipIf)}`);
  if (n.mutex) parts.push(`mutex=${n.mutex}`);
  if (n.queueName) parts.push(`queue=${n.queueName}`);
  if (n.hold) parts.push('hold-following-changes');
  return parts.join(' ');
}

export function formatJobTable(resolved: ResolvedLayout, only?: Set<string>): string {
  const rows: string[][] = [['PROJECT', 'PIPELINE', 'JOB', 'VOTING', 'FILTERS']];
  for (const [project, pipes] of resolved.projects) {
    if (only && !only.has(project)) continue;
    for (const [pipeline, nodes] of pipes) {
      if (nodes.length === 0) rows.push([project, pipeline, '(no jobs)', '', '']);
      const walk = (list: JobNode[], depth: number) => {
        for (const n of list) {
          rows.push([project, pipeline, `${'  '.repeat(depth)}${n.job}`, n.voting ? 'yes' : 'no', filters(n)]);
          walk(n.children, depth + 1);
        }
      };
      walk(nodes, 0);
    }
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd()).join('\n') + '\n';
}
