/**
 * The helper thread of `j2a convert` (see helper.ts): reads JJB while the main thread reads the Zuul layout and
 * the rules, then renders the reports and writes the projects' files while the main thread converts. Reads only
 * what the main thread names (the checkout's `jjb/`), writes only under the staging directory it is given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../diagnostics.js';
import { readJjbInputs } from '../convert/read-jjb.js';
import type { FromHelper, ToHelper } from './helper-protocol.js';
import { NewFileWriter } from '../fs/new-files.js';
import { viewRenderer } from './reports.js';

const port = parentPort;
if (!port) throw new Error('helper-thread.ts runs as a worker thread only');

const writer = new NewFileWriter();
const renderReports = viewRenderer();
/** plans whose files are written, for the main thread to see how far behind this one is */
const rendered = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
/** a report that could not be rendered (a bug): the run is aborted like for a failed write */
let renderError: string | undefined;
const post = (m: FromHelper): void => port.postMessage(m);

port.on('message', (m: ToHelper) => {
  switch (m.type) {
    case 'read-jjb':
      try {
        let early = 0;
        const value = readJjbInputs(m.root, undefined, (jobs) => {
          early += jobs.length;
          post({ type: 'jjb-jobs', jobs });
        });
        post({ type: 'jjb', value: { ...value, jobs: value.jobs.slice(early) } });
      } catch (err) {
        post({ type: 'jjb-failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err), configError: err instanceof ConfigError });
      }
      return;
    case 'plans':
      for (const view of m.views) {
        if (renderError !== undefined) return;
        writer.write(m.root, view.files);
        try {
          writer.write(m.root, renderReports(view));
        } catch (err) {
          renderError = `cannot render the report of ${view.source.project}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
        }
      }
      Atomics.add(rendered, 0, m.views.length);
      return;
    case 'close': {
      const error = writer.error ?? renderError;
      post({ type: 'closed', ...(error !== undefined ? { error, writeFailed: writer.error !== undefined } : {}) });
      port.close();
      return;
    }
  }
});
