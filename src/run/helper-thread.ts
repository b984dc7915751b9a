/**
 * The helper thread of `j2a convert` (see helper.ts): reads JJB while the main thread reads the Zuul layout and
 * the rules, then writes the output files while the main thread converts. Reads only what the main thread
 * names (the checkout's `jjb/`), writes only under the staging directory it is given.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../diagnostics.js';
import { readJjbInputs } from '../convert/read-jjb.js';
import type { FromHelper, ToHelper } from './helper-protocol.js';
import { NewFileWriter } from '../fs/new-files.js';
import { renderReports } from './reports.js';

const port = parentPort;
if (!port) throw new Error('helper-thread.ts runs as a worker thread only');

const writer = new NewFileWriter();
let writeError: string | undefined;
const post = (m: FromHelper): void => port.postMessage(m);

port.on('message', (m: ToHelper) => {
  switch (m.type) {
    case 'read-jjb':
      try {
        post({ type: 'jjb', value: readJjbInputs(m.root) });
      } catch (err) {
        post({ type: 'jjb-failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err), configError: err instanceof ConfigError });
      }
      return;
    case 'write':
      if (writeError !== undefined) return;
      try {
        writer.writeBytes(m.root, m.paths, m.ends, new Uint8Array(m.bytes));
      } catch (err) {
        writeError = err instanceof Error ? err.message : String(err);
      }
      return;
    case 'reports':
      if (writeError !== undefined) return;
      try {
        for (const plan of m.plans) writer.write(m.root, renderReports(plan));
      } catch (err) {
        writeError = err instanceof Error ? err.message : String(err);
      }
      return;
    case 'close':
      post({ type: 'closed', written: writer.written, ...(writeError !== undefined ? { error: writeError } : {}) });
      port.close();
      return;
  }
});
