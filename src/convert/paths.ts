/** Where a project's files go in the output directory (a module of its own: the helper thread imports only this). */
export function pipelineDir(project: string): string {
  return `repos/${project}/.pipeline`;
}

export function reportPath(project: string, ext: 'json' | 'md'): string {
  return `reports/${project}.${ext}`;
}
