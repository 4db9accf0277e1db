export { type CheckinPorts, type CheckinsDeps, createCheckinsFeature } from './feature.ts';
export { sparkline } from './insights.ts';
export { scaleWords, supportCircle } from './questions.ts';
export { rosterPort } from './roster.ts';
