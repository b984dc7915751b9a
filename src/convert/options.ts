/** The option table of `j2a convert`: drives the commander flags and the README section. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string;
}

export const CONVERT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--out <dir>', description: 'output directory (repos/, integration-config/, reports/, summary.*)', default: 'j2a-out' },
  { flags: '--project <glob...>', description: 'convert only projects matching a glob (`*` within a path segment, `**` across)' },
  { flags: '--concurrency <n>', description: 'projects converted and written at once', default: '8' },
  {
    flags: '--threads <n>',
    description: '2: a helper thread reads JJB while this one reads the rules and the Zuul layout and converts each project once its jobs have arrived; the helper then renders reports and writes files alongside; 1: everything in one thread (same output)',
    default: '2',
  },
  { flags: '--json', description: 'print the summary as JSON on stdout instead of the table' },
  { flags: '--force', description: 'replace existing hand-written .pipeline/ files (otherwise their diff is shown)' },
  {
    flags: '--schemas <dir>',
    description: 'directory with pipelinelib-pipelines.v0.schema.json and blubber-config.v4.schema.json (default: ../shared/reference/schemas beside the repository, if present; else a built-in structural check)',
  },
  {
    flags: '--from-golden <dir>',
    description: 'development aid: read expanded jobs and Zuul trees from a golden directory (jjb-expanded-jobdicts.jsonl, zuul-jobtrees.json) instead of the input',
  },
];
