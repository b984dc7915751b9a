/** The repository root (j2a's own checkout), from this file's place in src/ or dist/: rules/, corpus/ and ../shared are found from it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
