/**
 * Reads an integration/config checkout in this thread: JJB (read-jjb.ts) and the Zuul layout (resolved.ts),
 * joined into ConvertInputs. `j2a convert` overlaps the two with a helper thread instead (src/run/helper.ts).
 */
import path from 'node:path';
import { assembleInputs, type ConvertInputs } from './inputs.js';
import { JJB_READERS, readJjbInputs, type JjbReaders } from './read-jjb.js';
import { readZuulInputs, ZUUL_READERS, type ZuulReaders } from './resolved.js';

export type Readers = JjbReaders & ZuulReaders;
export const READERS: Readers = { ...JJB_READERS, ...ZUUL_READERS };

export function readIntegrationConfig(dir: string, readers: Readers = READERS): ConvertInputs {
  const root = path.resolve(dir);
  return assembleInputs(readJjbInputs(root, readers), readZuulInputs(root, readers));
}
