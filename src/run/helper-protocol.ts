/** Messages between the main thread (helper.ts) and the helper thread (helper-thread.ts). Plain data only. */
import type { ConvertJob, JjbInputs } from '../convert/inputs.js';
import type { PlanView } from './reports.js';

export type ToHelper =
  | { type: 'read-jjb'; root: string }
  /** views (reports.ts) of plans whose files to create (reports rendered) under `root`, a fresh staging directory */
  | { type: 'plans'; root: string; views: PlanView[] }
  | { type: 'close' };

export type FromHelper =
  /** jobs read so far (all but the last slice), ahead of the whole result */
  | { type: 'jjb-jobs'; jobs: ConvertJob[] }
  /** the whole result, except the jobs already sent as `jjb-jobs` (`jobs` holds only the rest) */
  | { type: 'jjb'; value: JjbInputs }
  | { type: 'jjb-failed'; message: string; configError: boolean }
  /** every write is done; `error`: the first write (`writeFailed`) or report rendering that failed, after which nothing more was written */
  | { type: 'closed'; error?: string; writeFailed?: boolean };
