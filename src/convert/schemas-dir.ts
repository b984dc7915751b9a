import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in src/convert or dist/convert. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The schema directory: `--schemas`, else ../shared/reference/schemas beside the repository when present. */
export function schemasDir(flag: string | undefined): string | undefined {
  if (flag) return flag;
  const dflt = path.resolve(repoRoot, '..', 'shared', 'reference', 'schemas');
  return existsSync(dflt) ? dflt : undefined;
}
