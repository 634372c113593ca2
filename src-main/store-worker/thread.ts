/**
 * A store thread: owns one connection to the project database and runs the API contract on it
 * (callApi, the one entry point). Started by service.ts as a worker thread, never imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { callApi, createApiContext, type ApiContext } from '../api/index.js';
import type { LocalizedText } from '../engine/types.js';
import { openStore, type Store } from '../store/index.js';
import { cloneable, serializeError, type FromStoreThread, type StoreThreadSetup, type ToStoreThread } from './protocol.js';

const setup = workerData as StoreThreadSetup;
const port = parentPort!;
const post = (message: FromStoreThread) => port.postMessage(message);

let store: Store | undefined;
try {
  // What the command line prints as a notice (a lock wait, an empty file made a database) goes to the host's log.
  const onNotice = (text: LocalizedText) => post({ kind: 'log', entry: { level: 'warn', message: `${setup.dbPath}: ${text.en}` } });
  store = openStore(setup.dbPath, { nativeBinding: setup.nativeBinding, onNotice });
} catch (error) {
  post({ kind: 'open-failed', error: serializeError(error) });
}

if (store) {
  const opened = store;
  const ctx: ApiContext = { ...createApiContext(opened, setup.runtime), log: (entry) => post({ kind: 'log', entry }) };
  port.on('message', (message: ToStoreThread) => {
    if (message.kind === 'close') {
      opened.close();
      post({ kind: 'closed' });
      port.close();
      return;
    }
    void callApi(ctx, message.method, message.input, { lang: message.lang }).then((response) =>
      post({ kind: 'answer', id: message.id, response: cloneable(response) }),
    );
  });
  post({ kind: 'ready' });
}
