// Who can stand in front of PeerBridge, named once. Every access decision is "does the actor
// hold one of the subjects this verb lists, towards this target?" (policy.ts); standing.ts
// works out which subjects an actor holds, from the platform and the database only.
//
// - operator: whoever runs the process. Environment, command line and files only: nobody ever
//   holds it in chat, so a verb for the operator alone is always refused there.
// - workspace-admin: the platform says so (Slack `is_admin`/`is_owner` from users.info,
//   Discord Administrator or Manage Server, the playground's `/as name --workspace-admin`).
//   Running `/peer setup` never makes anyone a workspace admin.
// - team-admin, team-supervisor, team-member: a role in THE target's team (the channel's team
//   for a command), never a role in some other team.
// - own-supervisor: the current primary or backup supervisor of the member the target names.
// - self: the actor is the member the target names.
// - anyone: any person of the target's workspace (the shared resource set: any person at all).

export const subjectKinds = [
  'operator',
  'workspace-admin',
  'team-admin',
  'team-supervisor',
  'own-supervisor',
  'team-member',
  'self',
  'anyone',
] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** The words the README table and refusals use for each subject. */
export const subjectNames: Readonly<Record<SubjectKind, string>> = {
  operator: 'Operator',
  'workspace-admin': 'Workspace admin',
  'team-admin': 'Team admin',
  'team-supervisor': 'Team supervisor',
  'own-supervisor': "The member's own supervisor",
  'team-member': 'Team member',
  self: 'The member themselves',
  anyone: 'Anyone in the workspace',
};
