// Which V8 compiler runs WebAssembly (PGlite's PostgreSQL, Prisma's query compiler).
//
// By default V8 compiles WASM with its baseline compiler (Liftoff) and re-compiles hot
// functions with its optimizing compiler (TurboFan) in the background. For PGlite that
// tier-up costs about 70 MB of resident memory (code and compiler memory for a 9 MB module)
// and background CPU on a small machine. Measured on the 2-core machine (docs/benchmarks.md,
// "WASM compiler"): after start and 3,000 queries, 293 MB with tier-up against 217 MB with
// Liftoff only, and the queries were not slower (33-39 s against 52-60 s for the same work on a
// loaded machine, where compile threads compete with the queries). So production keeps the
// baseline compiler only. The flag must be set before the first module is compiled, which
// happens when the database opens, so main.ts calls this first.
import { setFlagsFromString } from 'node:v8';

export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
