export { createFlagsFeature, type FlagsDeps } from './flag-feature.ts';
export { purgeFlagNotes } from './retention.ts';
