// `npm start`: runs the compiled app (dist/main.js). `npm install` builds it (postinstall);
// when src/ has changed since, this rebuilds first (about a second), so a checkout that was
// edited or pulled never runs stale code. The check is a walk over file times: a few ms.

import { pathToFileURL } from 'node:url';
import { build, distEntry, isStale } from './build.mjs';

if (isStale()) {
  process.stderr.write('PeerBridge: src/ changed since the last build; building dist/ first…\n');
  await build();
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(distEntry).href);
