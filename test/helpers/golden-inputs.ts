/**
 * Reads the JJB and Zuul goldens (../shared/golden) into the shapes the expander and resolver
 * return: JobInput per JJB job, and the job names Zuul references. Never copies them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { YamlMap } from '../../src/jjb/types.js';
import type { JobInput } from '../../src/rules/types.js';
import { goldenDir } from './shared.js';

interface SummaryJob {
  template?: string;
  builders?: ({ shell: string } | Record<string, unknown>)[];
  publishers?: string[];
  wrappers?: (string | Record<string, unknown>)[];
}

/** Every JJB job of the golden, in generation order, with template and a post-macro `expanded` dict. */
export function goldenJobInputs(): JobInput[] {
  const summary = JSON.parse(readFileSync(path.join(goldenDir, 'jjb-expanded-jobs.json'), 'utf8')) as {
    jobs: Record<string, SummaryJob>;
    scripts: Record<string, string>;
  };
  const lines = readFileSync(path.join(goldenDir, 'jjb-expanded-jobdicts.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const { name, job } = JSON.parse(line) as { name: string; job: YamlMap };
    const s = summary.jobs[name] ?? {};
    const builders = (s.builders ?? []).map((b) =>
      typeof b.shell === 'string' && b.shell.startsWith('@') ? { shell: summary.scripts[b.shell.slice(1)] ?? '' } : b,
    );
    const expanded = { builders, publishers: s.publishers ?? [], wrappers: s.wrappers ?? [] } as unknown as YamlMap;
    const template = s.template && s.template !== '{template-name}' ? s.template : undefined;
    return { name, job, expanded, ...(template ? { template } : {}), source: { file: 'jjb' } };
  });
}

interface ZuulNode {
  job: string;
  children?: ZuulNode[];
}

/** The distinct job names Zuul's per-project job trees reference, sorted. */
export function zuulJobNames(): string[] {
  const trees = JSON.parse(readFileSync(path.join(goldenDir, 'zuul-jobtrees.json'), 'utf8')) as {
    projects: Record<string, Record<string, ZuulNode[]>>;
  };
  const names = new Set<string>();
  const walk = (n: ZuulNode): void => {
    names.add(n.job);
    for (const c of n.children ?? []) walk(c);
  };
  for (const pipelines of Object.values(trees.projects)) for (const tree of Object.values(pipelines)) for (const n of tree) walk(n);
  return [...names].sort();
}
