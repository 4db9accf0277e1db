export type { SupervisionDeps } from './deps.ts';
export { createSupervisionFeature } from './feature.ts';
