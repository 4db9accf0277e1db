// Summarises a V8 .cpuprofile (from --cpu-prof): self time by package and by function, so
// docs/benchmarks.md can say where the time went. `npx tsx bench/profile-summary.ts <file>`.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function packageOf(url: string): string {
  if (url === '') return '(native / V8)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1] ?? url;
  if (url.startsWith('node:')) return 'node core';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  return url.includes('/dist/') ? 'peerbridge (dist)' : url;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, us]) =>
        `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
}

const file = process.argv[2];
if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile>');
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  const frame = byId.get(id)?.callFrame;
  if (!frame || frame.functionName === '(idle)') return;
  total += delta;
  const pkg = packageOf(frame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta);
  const name = `${frame.functionName || '(anonymous)'} ${pkg}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
});
console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n\nself time by package:`);
console.log(top(byPackage, total, 15).join('\n'));
console.log('\nself time by function:');
console.log(top(byFunction, total, 25).join('\n'));
