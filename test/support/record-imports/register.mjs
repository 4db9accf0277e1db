// Preloaded with `node --import` into a child process under test: records the URL of every
// module the process resolves and writes them, one a line, to RECORD_IMPORTS_TO when it exits.
// The hook runs on Node's loader thread, so URLs come back over a message port.
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => seen.add(url));
port1.unref();
register('./hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  if (process.env.RECORD_IMPORTS_TO) writeFileSync(process.env.RECORD_IMPORTS_TO, [...seen].join('\n'));
});
