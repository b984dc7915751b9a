/** Loads inline JJB YAML files from a temporary directory and expands them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandJobs } from '../../src/jjb/expand.js';
import { loadJjb, type LoadJjbOptions } from '../../src/jjb/load.js';
import { expandMacros } from '../../src/jjb/macros.js';
import type { ExpandedJob, LoadedJjb, YamlMap } from '../../src/jjb/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { tempDir } from '../helpers/tmp.js';

/** Writes `files` into <new temp dir>/jjb/ and returns the temp dir (JJB's working directory). */
export function writeTree(files: Record<string, string>): string {
  const root = tempDir('j2a-jjb-');
  mkdirSync(path.join(root, 'jjb'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'jjb', name), text);
  return root;
}

export function loadInline(files: Record<string, string>, options: LoadJjbOptions = {}): LoadedJjb {
  return loadJjb(['jjb'], { root: writeTree(files), ...options });
}

export function expandInline(
  yaml: string,
  options: LoadJjbOptions = {},
): { jobs: ExpandedJob[]; byName: Record<string, YamlMap>; diagnostics: Diagnostic[]; loaded: LoadedJjb } {
  const loaded = loadInline({ 'a.yaml': yaml }, options);
  const r = expandJobs(loaded);
  return {
    jobs: r.jobs,
    byName: Object.fromEntries(r.jobs.map((j) => [j.name, j.job])),
    diagnostics: [...loaded.diagnostics, ...r.diagnostics],
    loaded,
  };
}

/** Expands and then expands the macros of every job. */
export function expandWithMacros(yaml: string): { byName: Record<string, YamlMap>; diagnostics: Diagnostic[] } {
  const e = expandInline(yaml);
  const diagnostics = [...e.diagnostics];
  const byName: Record<string, YamlMap> = {};
  for (const j of e.jobs) {
    const m = expandMacros(j, e.loaded);
    diagnostics.push(...m.diagnostics);
    byName[j.name] = m.job.job;
  }
  return { byName, diagnostics };
}

export const MANAGED = '<!-- Managed by Jenkins Job Builder -->';
