/**
 * The two-thread plan of `j2a convert` (the machines it runs on have two cores):
 *  - the helper thread reads JJB (the longest read) and sends the job facts in slices, while this thread loads
 *    the rules, resolves the Zuul layout and translates the jobs that have arrived;
 *  - then this thread converts project after project, and the helper renders the parity reports (from plain-data
 *    plan views) and creates the projects' files; when the helper falls behind, this thread renders and writes
 *    a batch itself.
 * Only plain data crosses (job facts, plan views with the `.pipeline/` texts). With `threads: 1`, or when no
 * worker can be started, the same calls run in this thread, with the same results.
 */
import type { Worker } from 'node:worker_threads';
import { claimHelperThread, spawnHelperThread } from './prestart.js';
import { ConfigError } from '../diagnostics.js';
import type { ConvertJob, JjbInputs } from '../convert/inputs.js';
import type { ProjectPlan } from '../convert/project.js';
import type { FromHelper, ToHelper } from './helper-protocol.js';
import { NewFileWriter, WriteError, type StagedWriter } from '../fs/new-files.js';
import { planRenderer, viewMaker } from './reports.js';

/** Creates the files of a new output directory, reports included (rendered where the writing happens). */
export interface OutputWriter extends StagedWriter {
  /** the files of these plans: their `.pipeline/` files and their reports */
  writePlans(root: string, plans: ProjectPlan[]): void;
}

export interface Helper extends OutputWriter {
  /** reads `<root>/jjb`; call once, before any write. `onJobs` sees the jobs in slices as they are read. */
  readJjb(root: string, onJobs?: (jobs: ConvertJob[]) => void): Promise<JjbInputs>;
  /** stops the helper thread (after flush, or when the run ends early) */
  dispose(): void;
}

export function startHelper(threads: number): Helper {
  const started = claimHelperThread() ?? (threads < 2 ? undefined : spawnHelperThread());
  if (threads < 2 || !started) {
    void started?.worker.terminate();
    return inThread();
  }
  started.worker.ref();
  return workerHelper(started.worker, new Int32Array(started.progress));
}

/** Writes in this thread, as each call comes. */
export function inThreadWriter(): OutputWriter {
  const writer = new NewFileWriter();
  const render = planRenderer();
  return {
    write: (root, files) => writer.write(root, files),
    writePlans: (root, plans) => {
      for (const plan of plans) {
        writer.write(root, plan.files);
        writer.write(root, render(plan));
      }
    },
    flush: () => writer.flush(),
  };
}

function inThread(): Helper {
  return {
    ...inThreadWriter(),
    async readJjb(root, onJobs) {
      const { readJjbInputs } = await import('../convert/read-jjb.js');
      const value = readJjbInputs(root);
      onJobs?.(value.jobs);
      return value;
    },
    dispose: () => undefined,
  };
}

/**
 * Plans the helper may have waiting before this thread renders and writes the next batch itself: the helper
 * renders and writes, this thread converts, so at the end of a run the helper would otherwise still be busy while
 * this thread waits. Two batches keep it fed without letting it fall behind.
 */
const MAX_BACKLOG = 128;

function workerHelper(worker: Worker, rendered: Int32Array): Helper {
  let sent = 0;
  let jjb: { resolve: (v: JjbInputs) => void; reject: (e: Error) => void } | undefined;
  let onJobs: ((jobs: ConvertJob[]) => void) | undefined;
  const early: ConvertJob[] = [];
  let closed: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  const send = (m: ToHelper): void => worker.postMessage(m);
  const fail = (err: Error): void => {
    failure ??= err;
    jjb?.reject(err);
    closed?.reject(err);
  };
  worker.on('message', (m: FromHelper) => {
    if (m.type === 'jjb-jobs') {
      early.push(...m.jobs);
      onJobs?.(m.jobs);
    } else if (m.type === 'jjb') {
      onJobs?.(m.value.jobs);
      jjb?.resolve({ ...m.value, jobs: [...early, ...m.value.jobs] });
    } else if (m.type === 'jjb-failed') jjb?.reject(m.configError ? new ConfigError(m.message) : new Error(`helper thread: ${m.message}`));
    else if (m.error !== undefined) closed?.reject(m.writeFailed ? new WriteError(m.error) : new Error(`helper thread: ${m.error}`));
    else closed?.resolve();
  });
  worker.on('error', (err) => fail(err));
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`helper thread exited with code ${code}`));
  });
  // Both threads create files in the staging directory: the helper those of the plans it is sent, this thread
  // the rest. Neither overwrites anything (every path is written once); both create directories idempotently.
  const local = inThreadWriter();
  const view = viewMaker();
  let flushed: Promise<void> | undefined;
  return {
    readJjb(root, callback) {
      onJobs = callback;
      send({ type: 'read-jjb', root });
      return new Promise((resolve, reject) => {
        if (failure) reject(failure);
        else jjb = { resolve, reject };
      });
    },
    writePlans(root, plans) {
      if (sent - Atomics.load(rendered, 0) < MAX_BACKLOG) {
        sent += plans.length;
        send({ type: 'plans', root, views: plans.map(view) });
      } else local.writePlans(root, plans);
    },
    write: (root, files) => local.write(root, files),
    flush() {
      if (flushed) return flushed;
      send({ type: 'close' });
      const helperDone = new Promise<void>((resolve, reject) => {
        if (failure) reject(failure);
        else closed = { resolve, reject };
      });
      // the helper's failure first (it may be a bug, not a write); else this thread's first failed write
      flushed = helperDone.then(() => local.flush());
      return flushed;
    },
    dispose() {
      void worker.terminate();
    },
  };
}
