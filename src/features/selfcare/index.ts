export { createSelfCareFeature, type SelfCareDeps } from './selfcare-feature.ts';
