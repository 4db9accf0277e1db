// What the architecture tests read: the source files under a folder, and the module specifiers
// each imports, in every form an import can take.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const sourceFile = /\.(c|m)?(t|j)sx?$/;

// Static imports and re-exports (`from '…'`), bare `import '…'`, dynamic `import('…')` and
// `require('…')`.
const specifierPatterns = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of specifierPatterns) {
    for (const match of source.matchAll(pattern)) if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

/** Every source file below `dir`, as absolute paths. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && sourceFile.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
