// Types for scripts/param-graph.mjs (plain JavaScript: `postinstall` runs it before any TypeScript loader).
/** The generated client source with its parameterization graph spread out, or why not. */
export function spreadParamGraph(
  source: string,
): { source: string; warning?: never } | { source?: never; warning: string };
