// The verb table: every thing a person can ask PeerBridge to do, who may do it, and what they
// are told when they may not. This is the one place access is written down: the router asks it
// before a handler runs (commands declare a verb, actions and forms name one by id), handlers
// ask it again for the row they touch, the outbox asks it before a private message goes out,
// `/peer help` lists what it allows, and README's "Who may do what" is generated from it
// (test/access/readme-table.test.ts fails when they differ).
//
// `scope` says where the target comes from:
// - `place`: the event's own place (the channel's team; a direct message has no team), checked by
//   the router before the handler runs;
// - `row`: the row the handler is about to touch (a flag, a template, a resource entry, a member);
//   the router lets the event through and the handler asks with that row as the target.
import type { SubjectKind } from './subjects.ts';

export interface VerbRule {
  /** What it is, in the README's words. */
  readonly what: string;
  /** Any one of these is enough. */
  readonly who: readonly SubjectKind[];
  readonly scope: 'place' | 'row';
  /** Said to a person who may not: warm, plain, and what to do instead. */
  readonly refusal: string;
}

const askAnAdmin = '`/peer team show` lists who they are, if it needs doing.';
const leadsOnly = `Only this team's supervisors and admins can do that. ${askAnAdmin}`;
const teamAdminsOnly = `Only this team's admins can do that. ${askAnAdmin}`;

const rules = {
  help: { what: 'See what you can do here', who: ['anyone'], scope: 'place', refusal: '' },
  'team.setup': {
    what: 'Make a channel a new team (you become admin of that team, nothing more)',
    who: ['anyone'],
    scope: 'place',
    refusal: 'Please run this in the channel your team uses.',
  },
  'team.settings': {
    what: "Change a team's name, time zone, crisis region or language",
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal:
      "Only this team's admins can change its set-up. If something here needs changing, ask one of them; `/peer team show` lists who they are.",
  },
  'team.view': {
    what: 'See who is on a team and who supervises whom',
    who: ['anyone'],
    scope: 'place',
    refusal: 'That team is not in your workspace.',
  },
  'team.roles': {
    what: 'Give or take back roles; pair members with supervisors',
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal: teamAdminsOnly,
  },
  'team.escalation': {
    what: 'Set how long a private flag waits before it goes to the next person',
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal: teamAdminsOnly,
  },
  'self.settings': {
    what: 'Your own time zone, quiet hours and language',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'admin.outbox': {
    what: "Delivery status: counts for a team's messages (team admins, in its channel), everything (workspace admins)",
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal:
      'Only admins can see delivery status: a team admin in their team’s channel (for that team), or a workspace admin (for everything). If a message seems lost, one of them can look here for you.',
  },
  'admin.outbox.recipients': {
    what: 'See who a private message is waiting for',
    who: ['workspace-admin'],
    scope: 'row',
    refusal: 'Who a private message is for is shown to workspace admins only; you see how many.',
  },
  'admin.outbox.retry': {
    what: 'Retry a message that could not be delivered',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal:
      'Only admins can see delivery status: a team admin in their team’s channel (for that team), or a workspace admin (for everything). If a message seems lost, one of them can look here for you.',
  },
  'privacy.own': {
    what: 'See, export or erase what PeerBridge keeps about you',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'privacy.export': {
    what: "Export a member's data (to that member's own direct messages only)",
    who: ['self'],
    scope: 'row',
    refusal:
      'An export goes only to the person it is about, so nobody can export someone else’s data. They can run `/peer privacy export` themselves.',
  },
  'privacy.erase': {
    what: 'Erase your own data',
    who: ['self'],
    scope: 'row',
    refusal: 'You can erase your own data with `/peer privacy erase`.',
  },
  'privacy.erase-departed': {
    what: 'Erase the data of someone who has left (deactivated, or in no team channel); audited, never exported',
    who: ['workspace-admin'],
    scope: 'row',
    refusal:
      'Only an admin of this workspace (as Slack or Discord itself says) can erase data for someone who has left. You can always see, export or erase your own with `/peer privacy`.',
  },
  'resources.find': {
    what: 'Search resources; send or share a result',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'resources.suggest': {
    what: 'Suggest a resource entry',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'resources.edit': {
    what: "Add, edit, retire or check a team's entries (its admins) or the workspace's own entries (workspace admins)",
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal:
      'Only team admins can change the shared list: a team’s admins its own entries, a workspace admin the workspace’s. You can suggest a change with `/peer resources suggest`.',
  },
  'resources.edit-crisis-line': {
    what: 'Change a crisis-line entry (a workspace copy); every change shows who and when',
    who: ['workspace-admin'],
    scope: 'row',
    refusal:
      'Crisis lines can be changed only by an admin of this workspace, so nobody can quietly change a number people rely on. You can suggest a change with `/peer resources suggest`.',
  },
  'resources.edit-shared': {
    what: 'Change the shared starting set itself (seed file, `npm run resources`)',
    who: ['operator'],
    scope: 'row',
    refusal:
      'The shared starting set is the same for every workspace, so it changes only where PeerBridge is run. Editing an entry here makes your workspace’s own copy instead.',
  },
  'resources.review': {
    what: 'Review suggestions and entries nobody has checked lately',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal:
      'Only team admins can change the shared list. You can suggest an entry with `/peer resources suggest`.',
  },
  'resources.import': {
    what: 'Import resources from a file sent in a direct message',
    who: ['workspace-admin'],
    scope: 'row',
    refusal:
      'Only an admin of this workspace can import resources from a file, so I did not read it. You can suggest entries with `/peer resources suggest`.',
  },
  'resources.export': {
    what: 'Export the resource list as a file',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'Only team admins can import or export the resource list.',
  },
  'checkin.manage': {
    what: "Set up, run, close, edit, pause or delete a team's check-ins",
    who: ['team-admin', 'team-supervisor'],
    scope: 'row',
    refusal:
      'Only the team’s admins and supervisors can do that. Anyone can answer, skip or pause check-ins.',
  },
  'checkin.view': {
    what: "See a team's check-ins and roster",
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'checkin.trend': {
    what: "A team's weekly mood spread and participation (counts only)",
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal:
      'Only the team’s admins and supervisors can do that. Anyone can answer, skip or pause check-ins.',
  },
  'checkin.self': {
    what: 'Answer, skip, snooze, pause or opt out of check-ins; your own history',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'checkin.read-private': {
    what: "Read a check-in answer shared with the member's supervisor only (audited)",
    who: ['self', 'own-supervisor'],
    scope: 'row',
    refusal: 'Only their supervisor can read this answer.',
  },
  'flag.raise': {
    what: 'Flag privately; see your own flags',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'flag.respond': {
    what: 'Open, acknowledge or close a flag (the supervisor it was sent to, while they supervise the member)',
    who: ['own-supervisor'],
    scope: 'row',
    refusal: 'This flag was not sent to you, so I cannot show it to you.',
  },
  'flag.figures': {
    what: "A team's flag figures (counts and median time to acknowledge, never names)",
    who: ['team-admin'],
    scope: 'row',
    refusal: teamAdminsOnly,
  },
  'plan.own': {
    what: 'Your own wellness plan and self-care prompts',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'selfcare.own': {
    what: 'Snooze or stop a self-care prompt',
    who: ['self'],
    scope: 'row',
    refusal: 'That prompt is not there any more.',
  },
  'supervision.view': {
    what: 'See sessions, answer RSVPs and polls, add agenda topics, calendar files, your own hours',
    who: ['anyone'],
    scope: 'place',
    refusal: '',
  },
  'supervision.schedule': {
    what: 'Start or edit a series, run a poll, change supervision settings',
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal: leadsOnly,
  },
  'supervision.session': {
    what: "Move or cancel a session, see who is coming, confirm attendance, pick a poll's time (also its facilitator or starter)",
    who: ['team-admin', 'team-supervisor', 'self'],
    scope: 'row',
    refusal: 'Only the facilitator, the team’s supervisors and admins can do that.',
  },
  'supervision.report': {
    what: "Download a team's supervision report",
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal: 'Only supervisors and admins can download the team report.',
  },
  'supervision.slots': {
    what: 'Offer one-to-one slots (anyone on the team sees the open ones)',
    who: ['team-supervisor'],
    scope: 'row',
    refusal: 'Only supervisors can offer one-to-one slots.',
  },
  'supervision.book': {
    what: "Book a one-to-one with a team's supervisor",
    who: ['team-member'],
    scope: 'row',
    refusal: 'Only members of this team can book its one-to-ones.',
  },
  'receive-private': {
    what: "Receive a member's private text by direct message (a flag, a shared plan section, a supervisor-only answer)",
    who: ['self', 'own-supervisor'],
    scope: 'row',
    refusal: 'That private message is not for this person any more, so it was not sent.',
  },
  'receive-private.escalated-flag': {
    what: 'Receive a flag nobody acknowledged in time (admins who are also supervisors of its team)',
    who: ['team-supervisor'],
    scope: 'row',
    refusal: 'That private message is not for this person any more, so it was not sent.',
  },
} as const satisfies Readonly<Record<string, VerbRule>>;

export type VerbName = keyof typeof rules;
export const verbs: Readonly<Record<VerbName, VerbRule>> = rules;
export const verbNames = Object.keys(rules) as VerbName[];

export const isVerb = (name: string): name is VerbName => Object.hasOwn(rules, name);
