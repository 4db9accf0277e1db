// The access policy: who may do what to which row, decided in one place (docs/architecture.md,
// "Access policy"). Features ask `access.check(actor, verb, target)`; the router asks the port.
export { type Access, createAccess } from './access.ts';
export { type Decision, decide, refused } from './policy.ts';
export { type FlagAccess, flagAccess, mayReceivePrivate, privateDeliveryCheck } from './private-delivery.ts';
export { accessTableMarkdown, readmeMarkers } from './readme-table.ts';
export { type AccessDb, type AccessTarget, platformSaysWorkspaceAdmin } from './standing.ts';
export { type SubjectKind, subjectKinds, subjectNames } from './subjects.ts';
export { isVerb, type VerbName, type VerbRule, verbNames, verbs } from './verbs.ts';
