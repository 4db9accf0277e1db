export { createFlagsFeature, type FlagsDeps } from './flag-feature.ts';
export { flagRoutingPort } from './reroute.ts';
export { purgeFlagNotes } from './retention.ts';
