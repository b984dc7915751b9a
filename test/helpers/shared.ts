/**
 * Locates ../shared relative to the repository root (not the cwd), so golden tests can skip
 * with a clear message in a clone that has no shared data beside it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(path.join(sharedDir, 'golden'));
export const sharedCorpus = path.join(sharedDir, 'corpus', 'integration-config');
export const goldenDir = path.join(sharedDir, 'golden');

/** Call at module level of a golden test file; prints why the suite is skipped. */
export function warnIfNoShared(what: string): void {
  if (!hasShared) console.warn(`skipping ${what}: ${sharedDir} not found (clone outside the j2a workspace)`);
}
