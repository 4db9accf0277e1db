// The access matrix's specification, shared by the platform-neutral walk
// (test/access/access-matrix-support.ts) and the Mattermost one
// (test/e2e/mattermost/access-matrix-support.ts): the eight subjects, the people who play them,
// and what each holds at each place, written out by hand (`held`), so a walk checks the policy's
// standing (src/access/standing.ts) against this, not against itself.
import { type SubjectKind, type VerbName, verbs } from '../../src/access/index.ts';

export const subjects = [
  'wsAdmin',
  'adminHere',
  'adminThere',
  'ownSupervisor',
  'otherSupervisor',
  'member',
  'noTeam',
  'stranger',
] as const;
export type Subject = (typeof subjects)[number];

/** The two halves each walk is split into, so the two CI workers share it. */
export const administrators: readonly Subject[] = ['wsAdmin', 'adminHere', 'adminThere', 'stranger'];
export const teamPeople: readonly Subject[] = ['ownSupervisor', 'otherSupervisor', 'member', 'noTeam'];

export const userOf: Record<Subject, string> = {
  wsAdmin: 'wanda',
  adminHere: 'adm',
  adminThere: 'bown',
  ownSupervisor: 'sup',
  otherSupervisor: 'sup2',
  member: 'mem',
  noTeam: 'nobody',
  stranger: 'stranger',
};

/** This team's channel, another team's channel, a direct message. */
export type Place = 'here' | 'there' | 'dm';

/** What each subject is at each place: the specification the policy's standing must meet. */
export function held(subject: Subject, place: Place): ReadonlySet<SubjectKind> {
  const kinds = new Set<SubjectKind>(['anyone']);
  // `stranger` administers their own workspace, where neither team's channel is.
  if (subject === 'wsAdmin' || subject === 'stranger') kinds.add('workspace-admin');
  const teamOfSubject: Partial<Record<Subject, Place>> = {
    adminHere: 'here',
    adminThere: 'there',
    ownSupervisor: 'here',
    otherSupervisor: 'here',
    member: 'here',
  };
  if (teamOfSubject[subject] === place) {
    kinds.add('team-member');
    if (subject === 'adminHere' || subject === 'adminThere') kinds.add('team-admin');
    if (subject === 'ownSupervisor' || subject === 'otherSupervisor') kinds.add('team-supervisor');
  }
  return kinds;
}

export const allows = (verb: VerbName, kinds: ReadonlySet<SubjectKind>) =>
  verbs[verb].who.some((s) => kinds.has(s));

/** A command whose verb a row can grant (the member themselves): its handler decides, on the row. */
export const decidedOnRow = (verb: VerbName) =>
  verbs[verb].scope === 'row' && verbs[verb].who.some((s) => s === 'self' || s === 'own-supervisor');
