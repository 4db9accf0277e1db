// Types for scripts/build.mjs (plain JavaScript, so `npm start` needs no TypeScript loader).
export const distEntry: string;
export function isStale(): boolean;
export function build(): Promise<void>;
export function copyDataFiles(folders: readonly string[]): Promise<void>;
/** The esbuild plugin that makes the bundled Prisma client read its query compiler from a file. */
export const compilerWasmFromFile: import('esbuild').Plugin;
