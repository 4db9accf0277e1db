export { createPlansFeature, type PlansDeps, planStepsPort } from './plan-feature.ts';
export { type PlanSection, planSections, type SectionKey, sectionKeys } from './sections.ts';
