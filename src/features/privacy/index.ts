export { purgeAuditOlderThan } from './audit-retention.ts';
export { createPrivacyFeature, type PrivacyDeps } from './feature.ts';
export { EXPORT_FORMAT, type FeatureSource } from './personal-data.ts';
