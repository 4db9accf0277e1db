// Features meet through ports, not through each other's internals. A file in
// src/features/<name>/ may import from its own folder, from the shared files that define how
// features meet (feature.ts, ports.ts, compose-features.ts), and from another feature only
// through that feature's public face, its index.ts. Anything deeper couples two features so
// that neither can change or be tested alone.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, importSpecifiers } from './source-files.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const featuresRoot = join(repoRoot, 'src', 'features');
const sharedFiles = new Set(['feature.ts', 'ports.ts', 'compose-features.ts']);
/** The imports of a file under src/features that reach past what features may share. */
function crossFeatureImports(file: string, source: string): string[] {
  const own = relative(featuresRoot, file).split(sep)[0];
  const offending = new Set<string>();
  for (const specifier of importSpecifiers(source)) {
    if (!specifier.startsWith('.')) continue;
    const target = relative(featuresRoot, resolve(dirname(file), specifier));
    if (target.startsWith('..')) continue; // outside src/features: chat, db, scheduling
    const parts = target.split(sep);
    if (parts.length === 1) {
      if (!sharedFiles.has(parts[0] ?? '')) offending.add(specifier);
      continue;
    }
    const [folder, ...rest] = parts;
    if (folder === own) continue;
    if (rest.join('/') !== 'index.ts') offending.add(specifier);
  }
  return [...offending];
}

async function featureFiles(): Promise<string[]> {
  // Only files inside a feature's folder: the shared files at the top are what features meet through.
  return (await filesUnder(featuresRoot)).filter((file) => dirname(file) !== featuresRoot);
}

describe('features meet through ports', () => {
  it("finds a feature's import of another feature's internals, in every form, and allows the rest", () => {
    const file = join(featuresRoot, 'checkins', 'handlers.ts');
    const sample = [
      "import { rolesIn } from '../teams/service.ts';",
      "export { homeView } from '../teams/home.ts';",
      "const plans = await import('../flags/plans/store.ts');",
      "import '../resources/seed.ts';",
      "import { thing } from '../helpers.ts';",
      "import { findTeamByChannel } from '../teams/index.ts';",
      "import type { Feature } from '../feature.ts';",
      "import type { PlanStepsPort } from '../ports.ts';",
      "import { composeFeatures } from '../compose-features.ts';",
      "import { roundView } from './views.ts';",
      "import { answerForm } from './forms/answer.ts';",
      "import { defineCommand } from '../../chat/index.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(crossFeatureImports(file, sample).sort()).toEqual([
      '../flags/plans/store.ts',
      '../helpers.ts',
      '../resources/seed.ts',
      '../teams/home.ts',
      '../teams/service.ts',
    ]);
  });

  it("no file in src/features/<name>/ imports another feature's internals", async () => {
    const files = await featureFiles();
    const offenders: string[] = [];
    for (const file of files) {
      const found = crossFeatureImports(file, await readFile(file, 'utf8'));
      if (found.length > 0) offenders.push(`${relative(repoRoot, file)}: ${found.join(', ')}`);
    }
    // An empty walk (a moved folder) would pass silently otherwise.
    expect(files.length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
