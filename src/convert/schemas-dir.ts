import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../repo-root.js';

/** The schema directory: `--schemas`, else ../shared/reference/schemas beside the repository when present. */
export function schemasDir(flag: string | undefined): string | undefined {
  if (flag) return flag;
  const dflt = path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'schemas');
  return existsSync(dflt) ? dflt : undefined;
}
