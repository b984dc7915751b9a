/**
 * Starting the helper thread (helper.ts), in a module of its own that imports nothing else: cli.ts starts the
 * thread before the command line is parsed, so the fewer modules loaded before it, the earlier its JJB read.
 */
import { Worker } from 'node:worker_threads';

export interface StartedThread {
  worker: Worker;
  /** the count of plans whose files the helper has written (helper.ts, helper-thread.ts) */
  progress: SharedArrayBuffer;
}

/** A helper thread started before the command line is parsed, waiting to be claimed. */
let early: StartedThread | undefined;

/**
 * The built helper-thread.js; from src/ (tsx: tests, development) helper-thread.ts, loaded through tsx's API
 * (on Node 20 a worker does not inherit the loader that `--import tsx` registered).
 */
function newWorker(progress: SharedArrayBuffer): Worker {
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const workerData = { progress };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./helper-thread.js', import.meta.url), { execArgv, workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./helper-thread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, execArgv, workerData });
}

/** A new helper thread, or undefined when none can be started (the caller works in its own thread then). */
export function spawnHelperThread(): StartedThread | undefined {
  const progress = new SharedArrayBuffer(4);
  try {
    return { worker: newWorker(progress), progress };
  } catch {
    return undefined;
  }
}

/**
 * Starts the helper thread as early as possible (its JJB read is the longest part of a run). It does not keep
 * the process alive until claimed, so a usage error still exits at once.
 */
export function prestartHelper(): void {
  early ??= spawnHelperThread();
  early?.worker.unref();
}

/** The prestarted thread, once. */
export function claimHelperThread(): StartedThread | undefined {
  const started = early;
  early = undefined;
  return started;
}
