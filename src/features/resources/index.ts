// The public face of the resources feature: app.ts builds it and hands its crisis-lines port
// to the features that show crisis lines; the CLI (scripts/resources.ts) imports and exports.

export { runResourcesCli } from './cli.ts';
export { crisisLinesPort } from './crisis-lines.ts';
export { createResourcesFeature, type ResourcesDeps, type ResourcesFeature } from './feature.ts';
export { type ExportFormat, exportFile } from './formats/export.ts';
export { type ImportOptions, type ImportReport, importFile } from './formats/import.ts';
export { defaultSeedPath, loadSeed } from './seed.ts';
