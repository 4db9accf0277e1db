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
import type { AccessRefusal } from '../chat/index.ts';
import type { SubjectKind } from './subjects.ts';

export interface VerbRule {
  /** What it is, in the README's words. */
  readonly what: string;
  /** Any one of these is enough. */
  readonly who: readonly SubjectKind[];
  readonly scope: 'place' | 'row';
  /** Said to a person who may not (a `chat.access.*` catalog entry): warm, plain, and what to do instead. */
  readonly refusal: AccessRefusal;
}

const rules = {
  help: { what: 'See what you can do here', who: ['anyone'], scope: 'place', refusal: 'chat.access.notHere' },
  'team.setup': {
    what: 'Make a channel a new team (you become admin of that team, nothing more)',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.runInTeamChannel',
  },
  'team.settings': {
    what: "Change a team's name, time zone, crisis region or language",
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.teamSettings',
  },
  'team.view': {
    what: 'See who is on a team and who supervises whom',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.teamElsewhere',
  },
  'team.roles': {
    what: 'Give or take back roles; pair members with supervisors',
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal: 'chat.access.teamAdminsOnly',
  },
  'team.escalation': {
    what: 'Set how long a private flag waits before it goes to the next person',
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal: 'chat.access.teamAdminsOnly',
  },
  'self.settings': {
    what: 'Your own time zone, quiet hours and language',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'admin.outbox': {
    what: "Delivery status: counts for a team's messages (team admins, in its channel), everything (workspace admins)",
    who: ['team-admin', 'workspace-admin'],
    scope: 'place',
    refusal: 'chat.access.outboxAdmins',
  },
  'admin.outbox.recipients': {
    what: 'See who a private message is waiting for',
    who: ['workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.outboxRecipients',
  },
  'admin.outbox.retry': {
    what: 'Retry a message that could not be delivered',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.outboxAdmins',
  },
  'privacy.own': {
    what: 'See, export or erase what PeerBridge keeps about you',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'privacy.export': {
    what: "Export a member's data (to that member's own direct messages only)",
    who: ['self'],
    scope: 'row',
    refusal: 'chat.access.privacyExport',
  },
  'privacy.erase': {
    what: 'Erase your own data',
    who: ['self'],
    scope: 'row',
    refusal: 'chat.access.privacyErase',
  },
  'privacy.erase-departed': {
    what: 'Erase the data of someone who has left (deactivated, or in no team channel); audited, never exported',
    who: ['workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.privacyEraseDeparted',
  },
  'resources.find': {
    what: 'Search resources; send or share a result',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'resources.suggest': {
    what: 'Suggest a resource entry',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'resources.edit': {
    what: "Add, edit, retire or check a team's entries (its admins) or the workspace's own entries (workspace admins)",
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.resourcesEdit',
  },
  'resources.edit-crisis-line': {
    what: 'Change a crisis-line entry (a workspace copy); every change shows who and when',
    who: ['workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.resourcesEditCrisisLine',
  },
  'resources.edit-shared': {
    what: 'Change the shared starting set itself (seed file, `npm run resources`)',
    who: ['operator'],
    scope: 'row',
    refusal: 'chat.access.resourcesEditShared',
  },
  'resources.review': {
    what: 'Review suggestions and entries nobody has checked lately',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.resourcesReview',
  },
  'resources.import': {
    what: 'Import resources from a file sent in a direct message',
    who: ['workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.resourcesImport',
  },
  'resources.export': {
    what: 'Export the resource list as a file',
    who: ['team-admin', 'workspace-admin'],
    scope: 'row',
    refusal: 'chat.access.resourcesExport',
  },
  'checkin.manage': {
    what: "Set up, run, close, edit, pause or delete a team's check-ins",
    who: ['team-admin', 'team-supervisor'],
    scope: 'row',
    refusal: 'chat.access.checkinLeads',
  },
  'checkin.view': {
    what: "See a team's check-ins and roster",
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'checkin.trend': {
    what: "A team's weekly mood spread and participation (counts only)",
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal: 'chat.access.checkinLeads',
  },
  'checkin.self': {
    what: 'Answer, skip, snooze, pause or opt out of check-ins; your own history',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'checkin.read-private': {
    what: "Read a check-in answer shared with the member's supervisor only (audited)",
    who: ['self', 'own-supervisor'],
    scope: 'row',
    refusal: 'chat.access.checkinReadPrivate',
  },
  'flag.raise': {
    what: 'Flag privately; see your own flags',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'flag.respond': {
    what: 'Open, acknowledge or close a flag (the supervisor it was sent to, while they supervise the member)',
    who: ['own-supervisor'],
    scope: 'row',
    refusal: 'chat.access.flagRespond',
  },
  'flag.figures': {
    what: "A team's flag figures (counts and median time to acknowledge, never names)",
    who: ['team-admin'],
    scope: 'row',
    refusal: 'chat.access.teamAdminsOnly',
  },
  'plan.own': {
    what: 'Your own wellness plan and self-care prompts',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'selfcare.own': {
    what: 'Snooze or stop a self-care prompt',
    who: ['self'],
    scope: 'row',
    refusal: 'chat.access.selfcareGone',
  },
  'supervision.view': {
    what: 'See sessions, answer RSVPs and polls, add agenda topics, calendar files, your own hours',
    who: ['anyone'],
    scope: 'place',
    refusal: 'chat.access.notHere',
  },
  'supervision.schedule': {
    what: 'Start or edit a series, run a poll, change supervision settings',
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal: 'chat.access.leadsOnly',
  },
  'supervision.session': {
    what: "Move or cancel a session, see who is coming, confirm attendance, pick a poll's time (also its facilitator or starter)",
    who: ['team-admin', 'team-supervisor', 'self'],
    scope: 'row',
    refusal: 'chat.access.supervisionSession',
  },
  'supervision.report': {
    what: "Download a team's supervision report",
    who: ['team-admin', 'team-supervisor'],
    scope: 'place',
    refusal: 'chat.access.supervisionReport',
  },
  'supervision.slots': {
    what: 'Offer one-to-one slots (anyone on the team sees the open ones)',
    who: ['team-supervisor'],
    scope: 'row',
    refusal: 'chat.access.supervisionSlots',
  },
  'supervision.book': {
    what: "Book a one-to-one with a team's supervisor",
    who: ['team-member'],
    scope: 'row',
    refusal: 'chat.access.supervisionBook',
  },
  'receive-private': {
    what: "Receive a member's private text by direct message (a flag, a shared plan section, a supervisor-only answer)",
    who: ['self', 'own-supervisor'],
    scope: 'row',
    refusal: 'chat.access.receivePrivate',
  },
  'receive-private.escalated-flag': {
    what: 'Receive a flag nobody acknowledged in time (admins who are also supervisors of its team)',
    who: ['team-supervisor'],
    scope: 'row',
    refusal: 'chat.access.receivePrivate',
  },
} as const satisfies Readonly<Record<string, VerbRule>>;

export type VerbName = keyof typeof rules;
export const verbs: Readonly<Record<VerbName, VerbRule>> = rules;
export const verbNames = Object.keys(rules) as VerbName[];

export const isVerb = (name: string): name is VerbName => Object.hasOwn(rules, name);
