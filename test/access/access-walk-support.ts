// The access walk: every command and every action id in the app's own feature list, run as
// each role, against the table below. A command, an action prefix, or an action id a feature's
// button names (read from src/features) without a row fails the test, so a new feature must say
// who may use what. Identities are the verified actor only.
//
// Rows for every feature in featureList; a few forms are walked too (forms need no row).
//
// This module holds the table and the world; access-walk-commands.test.ts walks the commands (and
// checks the table has a row for everything), access-walk-buttons.test.ts the actions and forms:
// two files, each building the same world, so the two CI workers share the walk.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { composeFeatures } from '../../src/features/compose-features.ts';
import { levelChoices, wishChoices } from '../../src/features/flags/levels.ts';
import { silentLogger } from '../../src/logger.ts';
import { featureHarness, type recordingReply } from '../support/chat-harness.ts';
import { clonedDatabase } from '../support/database.ts';
import { testFeatureList } from '../support/feature-list.ts';
import { clientsFor, shellPeople } from '../support/people.ts';

export const roles = [
  'noTeam',
  'member',
  'otherTeam',
  'supervisorOfOther',
  'supervisor',
  'admin',
  'formerAdmin',
] as const;
export type Role = (typeof roles)[number];
export const userOf: Record<Role, string> = {
  noTeam: 'nobody',
  member: 'mem',
  otherTeam: 'other',
  supervisorOfOther: 'sup2',
  supervisor: 'sup',
  admin: 'adm',
  formerAdmin: 'former',
};

type Allowed = Readonly<Record<Role, boolean>>;
const everyone: Allowed = Object.fromEntries(roles.map((r) => [r, true])) as Record<Role, boolean>;
const adminsOnly: Allowed = { ...Object.fromEntries(roles.map((r) => [r, false])), admin: true } as Record<
  Role,
  boolean
>;

interface Row {
  readonly options?:
    | Record<string, string | number | boolean>
    | (() => Record<string, string | number | boolean>);
  /** An action's value, when it needs a row made in beforeAll. */
  readonly value?: () => string;
  /** A new row for each role, for a button that uses up what it presses. */
  readonly fresh?: () => Promise<string>;
  /** The words of a refusal; an allowed run must not say them. */
  readonly refusal: RegExp;
  readonly allowed: Allowed;
}

const adminRefusal = /Only (this team's|team) admins|Only a team admin/;
// Nobody in this walk is a workspace admin (test/access/access-matrix-support.ts walks one): what
// only a workspace admin may do, or the operator, is refused to every role here.
const nobody: Allowed = Object.fromEntries(roles.map((r) => [r, false])) as Record<Role, boolean>;

const leads: Allowed = {
  noTeam: false,
  member: false,
  otherTeam: false,
  supervisorOfOther: true,
  supervisor: true,
  admin: true,
  formerAdmin: false,
};
// Only supervisors (not admins who are not supervisors) offer one-to-one slots.
const supervisorsOnly: Allowed = { ...leads, admin: false };
const onATeam: Allowed = { ...everyone, noTeam: false };
const noneBut = (role: Role): Allowed =>
  Object.fromEntries(roles.map((r) => [r, r === role])) as Record<Role, boolean>;
// Everyone on team A (the channel's team): not the person on no team, not team B's member.
const onTeamA: Allowed = { ...everyone, noTeam: false, otherTeam: false };

const checkinLeadRefusal = /Only the team’s admins and supervisors can do that/;
const supervisionLeadRefusal = /Only this team's supervisors and admins can do that/;
const resourcesAdminRefusal = /Only team admins can change the shared list/;
const outboxRefusal = /Only admins can see delivery status/;
const flagRefusal = /cannot show it to you|This is your own flag/;
const notInvitedRefusal = /you were not among them/;
const supervisionGone = /can’t find that (any more|session)|was cancelled|already over/;

// Codes of rows made in beforeAll, for options and action values that need a real one.
export const made = {
  sessionCode: '',
  seriesCode: '',
  slotCode: '',
  pollId: '',
  templateId: '',
  flagId: '',
  resourceId: '',
  teamAId: '',
  /** A session nobody cancels or moves (the commands walk cancels `sessionCode`'s). */
  liveSessionId: '',
  slotId: '',
  nudgeId: '',
  roundId: '',
  answerId: '',
  shareId: '',
};

let walkTemplates = 0;
/** A check-in of team A's of its own, for a button that deletes the one it names. */
async function freshTemplate(): Promise<string> {
  walkTemplates += 1;
  const template = await db.prisma.checkinTemplate.create({
    data: {
      teamId: made.teamAId,
      name: `Walk ${walkTemplates}`,
      questions: [{ id: 'q1', kind: 'scale', text: 'How are you arriving?' }],
    },
  });
  return template.id;
}

// Commands by path. Run in team A's channel, in this order (later rows may see earlier rows' effects).
export const commands: Record<string, Row> = {
  setup: { options: { region: 'US' }, refusal: adminRefusal, allowed: adminsOnly },
  // The roster is visible to whoever can read the team's channel (the platform decides that).
  'team show': { refusal: /not set up|Please run/, allowed: everyone },
  'team role': { options: { user: '@zed', role: 'member' }, refusal: adminRefusal, allowed: adminsOnly },
  'team escalation': { options: { after: '4h', urgent: '15m' }, refusal: adminRefusal, allowed: adminsOnly },
  'team supervisor': {
    options: { member: '@zed', supervisor: '@sup', kind: 'backup' },
    refusal: adminRefusal,
    allowed: adminsOnly,
  },
  timezone: { options: { zone: 'Europe/Berlin' }, refusal: /couldn't|not a time zone/, allowed: everyone },
  'quiet-hours': { options: { hours: '22:00-06:00' }, refusal: /couldn't/, allowed: everyone },
  // English: everyone's later refusals are then in the language these patterns read.
  language: { options: { choice: 'en' }, refusal: /couldn't/, allowed: everyone },
  'admin outbox': { refusal: outboxRefusal, allowed: adminsOnly },
  privacy: { refusal: /Only a team admin/, allowed: everyone },
  help: { refusal: /I don't know/, allowed: everyone },

  // Resources: anyone may look and suggest; only admins change the shared list.
  find: { options: { words: 'crisis' }, refusal: resourcesAdminRefusal, allowed: everyone },
  'resources add': { refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources suggest': { refusal: resourcesAdminRefusal, allowed: everyone },
  'resources review': { refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources import': { refusal: /Only an admin of this workspace can import/, allowed: nobody },
  'resources export': { refusal: /Only team admins can import or export/, allowed: adminsOnly },

  // Check-ins: leads (supervisors and admins) run them; anyone answers, pauses or opts out.
  'checkin setup': { refusal: checkinLeadRefusal, allowed: leads },
  'checkin now': { refusal: checkinLeadRefusal, allowed: leads },
  'checkin close': { refusal: checkinLeadRefusal, allowed: leads },
  // Like `team show`: the channel's readers see which check-ins and who is on the roster.
  'checkin list': { refusal: checkinLeadRefusal, allowed: everyone },
  'checkin roster': { refusal: checkinLeadRefusal, allowed: everyone },
  'checkin trend': { refusal: checkinLeadRefusal, allowed: leads },
  'checkin min-group': { options: { size: 5 }, refusal: checkinLeadRefusal, allowed: leads },
  'checkin pause': {
    options: { until: '2026-12-24' },
    refusal: /Only the team’s admins|couldn't|not on a team/,
    allowed: everyone,
  },
  'checkin resume': { refusal: /Only the team’s admins|not on a team/, allowed: everyone },
  'checkin optout': { refusal: /Only the team’s admins|not on a team/, allowed: everyone },
  'checkin optin': { refusal: /Only the team’s admins|not on a team/, allowed: everyone },
  'checkin buddy': {
    options: { state: 'on' },
    refusal: /Only the team’s admins|not on a team/,
    allowed: everyone,
  },
  'checkin history': { refusal: /Only the team’s admins|not on a team/, allowed: everyone },

  // Flags: anyone on a team may raise one; with no team there is nobody to pass it to.
  flag: { refusal: /could not find a team you are on/, allowed: onATeam },
  flags: { refusal: /could not find a team you are on|cannot show it to you/, allowed: everyone },
  plan: { options: { action: 'show' }, refusal: /could not find a team you are on/, allowed: everyone },
  selfcare: { refusal: /could not find a team you are on/, allowed: everyone },

  // Supervision: leads schedule; anyone reads the list, adds topics, books one-to-ones.
  'supervision new': {
    options: { title: 'Group', date: '2026-12-15', time: '18:00', length: 60 },
    refusal: supervisionLeadRefusal,
    allowed: leads,
  },
  'supervision edit': {
    options: () => ({ series: made.seriesCode, title: 'Walk' }),
    refusal: supervisionLeadRefusal,
    allowed: leads,
  },
  'supervision list': { refusal: supervisionLeadRefusal, allowed: everyone },
  'supervision move': {
    options: () => ({ session: made.sessionCode, date: '2026-12-09', time: '19:00' }),
    refusal: /Only the facilitator, the team’s supervisors and admins|Only this team's supervisors/,
    allowed: leads,
  },
  'supervision poll': {
    options: { title: 'Extra', slots: '2026-12-20 18:00, 2026-12-21 18:00', length: 60 },
    refusal: supervisionLeadRefusal,
    allowed: leads,
  },
  // Topics go to the channel's team's next session; like `list` and `ics`, the channel decides
  // (teamContext does not check membership), so people not on team A may add one too.
  'supervision topic': {
    options: { text: 'boundaries' },
    refusal: supervisionLeadRefusal,
    allowed: everyone,
  },
  'supervision ics': {
    options: () => ({ session: made.sessionCode }),
    refusal: supervisionLeadRefusal,
    allowed: everyone,
  },
  'supervision report': {
    options: { from: '2026-01-01', to: '2026-12-31' },
    refusal: /Only supervisors and admins can download the team report/,
    allowed: leads,
  },
  'supervision hours': { refusal: supervisionLeadRefusal, allowed: everyone },
  'supervision settings': { refusal: supervisionLeadRefusal, allowed: leads },
  'supervision reminders': { options: { state: 'on' }, refusal: supervisionLeadRefusal, allowed: everyone },
  'supervision slots': {
    options: { times: '2026-12-22 10:00' },
    refusal: /Only supervisors can offer one-to-one slots/,
    allowed: supervisorsOnly,
  },
  // sup's slot: the first to book it takes it; later ones are shown the other open slots.
  // One-to-ones are with the team's own supervisors, for the team's members ("supervisors
  // publish open slots, specialists book", slots.ts): someone on no team or on team B is refused.
  'supervision book': {
    options: () => ({ slot: made.slotCode }),
    refusal: /not on (this|a|the) team|team's members|members of this team/,
    allowed: onTeamA,
  },
  // Rebooking looks up the asker's own booking by code (no role check to hide behind a bogus
  // code): everyone is told there is no booking of theirs with it.
  'supervision rebook': {
    options: { booking: '#000000', slot: '#000001' },
    refusal: /Only this team's supervisors|not on a team/,
    allowed: everyone,
  },
  // Last, since the first lead to run it cancels the session: cancel checks the role before it
  // checks whether the session is already cancelled, so later refusals still say so.
  'supervision cancel': {
    options: () => ({ session: made.sessionCode }),
    refusal: /Only the facilitator, the team’s supervisors and admins/,
    allowed: leads,
  },
};

// Actions by id; `value` gives the button's value (a real id made in beforeAll where one matters).
export const actions: Record<string, Row> = {
  'outbox:retry': { options: { value: 'no-such-row' }, refusal: outboxRefusal, allowed: adminsOnly },
  // Erasing a departed member's data: only an admin of the workspace may.
  'privacy:erase': { refusal: /Only an admin of this workspace|nothing left/, allowed: nobody },
  'privacy:keep': { refusal: /Only/, allowed: everyone },
  // decide() checks the admin role before it looks the suggestion up, so a bogus id is enough.
  'resources:approve': {
    options: { value: 'no-such-suggestion' },
    refusal: resourcesAdminRefusal,
    allowed: adminsOnly,
  },
  // The pending file is looked up after the role check, so a bogus id is enough.
  'resources:import-good': {
    options: { value: 'no-such-upload' },
    refusal: /Only team admins can import or export|Only an admin of this workspace can import/,
    allowed: nobody,
  },
  'resources:decline': {
    options: { value: 'no-such-suggestion' },
    refusal: resourcesAdminRefusal,
    allowed: adminsOnly,
  },
  // The entry's Send to me / Share in channel: anyone who can see it (in team A's channel,
  // everyone sees team A's entries). Before retire, which takes it off the list.
  'resources:send': {
    value: () => `r:${made.resourceId}`,
    refusal: /no longer in the list/,
    allowed: everyone,
  },
  'resources:share': {
    value: () => `r:${made.resourceId}`,
    refusal: /no longer in the list/,
    allowed: everyone,
  },
  'resources:more': { options: { value: '4||US|crisis' }, refusal: /lost its search/, allowed: everyone },
  // A workspace entry made in beforeAll (the lookup comes before the policy): only a workspace
  // admin changes a workspace's own entries, never the admin of one team.
  'resources:edit': { value: () => made.resourceId, refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources:verify': { value: () => made.resourceId, refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources:retire': { value: () => made.resourceId, refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources:retire-no': {
    value: () => made.resourceId,
    refusal: resourcesAdminRefusal,
    allowed: adminsOnly,
  },
  'resources:retire-yes': {
    value: () => made.resourceId,
    refusal: resourcesAdminRefusal,
    allowed: adminsOnly,
  },
  // The welcome DM's Flag privately button: anyone on a team gets the form.
  'flags:start': { refusal: /could not find a team you are on/, allowed: onATeam },
  'checkins:edit': { value: () => made.templateId, refusal: checkinLeadRefusal, allowed: leads },
  'checkins:toggle': { value: () => made.templateId, refusal: checkinLeadRefusal, allowed: leads },
  'checkins:delete': { fresh: freshTemplate, refusal: checkinLeadRefusal, allowed: leads },
  'checkins:delete-no': { fresh: freshTemplate, refusal: checkinLeadRefusal, allowed: leads },
  'checkins:delete-yes': { fresh: freshTemplate, refusal: checkinLeadRefusal, allowed: leads },
  // The open round's prompt: only the people it went to (everyone on team A when it opened).
  // mem has answered, so their Skip keeps the answer (and says so) rather than refusing.
  'checkins:answer': { value: () => made.roundId, refusal: notInvitedRefusal, allowed: onTeamA },
  'checkins:skip': { value: () => made.roundId, refusal: notInvitedRefusal, allowed: onTeamA },
  'checkins:snooze': { value: () => made.roundId, refusal: notInvitedRefusal, allowed: onTeamA },
  // mem's answer shared with their supervisor only: mem and sup read it, nobody else.
  'checkins:read': {
    value: () => made.answerId,
    refusal: /Only their supervisor can read/,
    allowed: { ...noneBut('member'), supervisor: true },
  },
  // mem's flag: only their assigned supervisor reads, answers or closes it (the author is told
  // it is their own). Noted answers it; Reach out is then told it was answered, not refused.
  'flags:open': { value: () => made.flagId, refusal: flagRefusal, allowed: noneBut('supervisor') },
  'flags:noted': { value: () => made.flagId, refusal: flagRefusal, allowed: noneBut('supervisor') },
  'flags:reach-out': { value: () => made.flagId, refusal: flagRefusal, allowed: noneBut('supervisor') },
  'flags:close': { value: () => made.flagId, refusal: flagRefusal, allowed: noneBut('supervisor') },
  // A plan is always the presser's own: no button reaches anyone else's, so nobody is refused.
  'plans:show': { refusal: /could not find a team you are on/, allowed: everyone },
  'plans:edit': { options: { value: 'triggers' }, refusal: /lost which section/, allowed: everyone },
  'plans:export': { refusal: /could not reach your direct messages/, allowed: everyone },
  // mem's share with sup: sup (and mem) open it; everyone else is refused, audited.
  'plans:open-share': {
    value: () => made.shareId,
    refusal: /cannot show it to you/,
    allowed: { ...noneBut('member'), supervisor: true },
  },
  // mem's end-of-shift prompt: only mem snoozes or stops it (Snooze first: Stop ends it). Skip,
  // Leaving okay and It was heavy only answer the presser (nothing stored or sent), so anyone.
  'selfcare:snooze': { value: () => made.nudgeId, refusal: /not there any more/, allowed: noneBut('member') },
  'selfcare:stop': { value: () => made.nudgeId, refusal: /not there any more/, allowed: noneBut('member') },
  'selfcare:skip': { refusal: /not there any more/, allowed: everyone },
  'selfcare:okay': { value: () => made.nudgeId, refusal: /not there any more/, allowed: everyone },
  'selfcare:heavy': { value: () => made.nudgeId, refusal: /not there any more/, allowed: everyone },
  // Like `supervision list` and `ics`, a session's post and a poll go by the channel: RSVP, the
  // calendar file and the vote form check no membership. Who's coming and attendance are the
  // facilitator's (sup) or a lead's; a one-to-one slot is for team A's own people.
  'supervision:rsvp': {
    value: () => `${made.liveSessionId}:going`,
    refusal: supervisionGone,
    allowed: everyone,
  },
  'supervision:ics': { value: () => made.liveSessionId, refusal: supervisionGone, allowed: everyone },
  'supervision:vote': {
    value: () => made.pollId,
    refusal: /can’t find that any more|poll has closed/,
    allowed: everyone,
  },
  'supervision:who': {
    value: () => made.liveSessionId,
    refusal: /Only the facilitator sees who answered/,
    allowed: leads,
  },
  'supervision:attendance': {
    value: () => made.liveSessionId,
    refusal: /Only the facilitator \(or a supervisor\) confirms attendance/,
    allowed: leads,
  },
  'supervision:book': {
    value: () => made.slotId,
    refusal: /Only members of this team can book/,
    allowed: onTeamA,
  },
  // sup's poll: its starter or a lead picks the time.
  'supervision:pick': {
    value: () => made.pollId,
    refusal: /Only the person who started the poll \(or a supervisor\)/,
    allowed: leads,
  },
};

// Forms by id, submitted in team A's channel with these values (a few that need no earlier
// form's context; forms are not required to have a row).
const resourceValues = {
  title: 'Walk line',
  category: 'referral-service',
  summary: 'A made-up entry for the access walk',
  contacts: 'phone: +1 555 0100',
  regions: 'US',
  hours: '24/7',
  tags: 'walk',
  source: 'https://example.org/walk',
};
export const forms: Record<string, Row & { readonly values: Record<string, string> }> = {
  'resources:add-form': { values: resourceValues, refusal: resourcesAdminRefusal, allowed: adminsOnly },
  'resources:suggest-form': { values: resourceValues, refusal: resourcesAdminRefusal, allowed: everyone },
  'flags:submit': {
    values: { level: levelChoices[0]?.value ?? '', wish: wishChoices[0]?.value ?? '' },
    refusal: /could not find a team you are on/,
    allowed: onATeam,
  },
};

let db: Database;
let chat: ReturnType<typeof featureHarness>;
let actionPrefixes: string[];
let departedId: string;
/** Files the features sent (a calendar, a plan, an export): each must go to the person who asked. */
export const uploads: string[] = [];

const featuresDir = join(import.meta.dirname, '..', '..', 'src', 'features');
// `actionId: 'prefix:name'`, or anything else after `actionId:` (a template literal, a constant,
// a shorthand property) that a reading of the source cannot resolve to an id.
const literalId = /\bactionId\s*:\s*(['"`])([a-z-]+:[a-z-]+)\1/g;
const otherId = /\bactionId\s*(?::\s*(?!['"`][a-z-]+:[a-z-]+['"`]|string\b)[^\s,}]+|[,}])/g;

/** Every action id the features' buttons name, and every `actionId` this reading cannot resolve. */
export function actionIdsInSource(): { ids: string[]; unresolved: string[] } {
  const ids = new Set<string>();
  const unresolved: string[] = [];
  const files = readdirSync(featuresDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    const source = readFileSync(join(featuresDir, file), 'utf8');
    for (const match of source.matchAll(literalId)) ids.add(match[2] ?? '');
    for (const match of source.matchAll(otherId)) unresolved.push(`${file}: ${match[0]}`);
  }
  return { ids: [...ids].sort(), unresolved };
}

// A broken row (a misspelt id, a handler that threw) must not pass for "allowed".
const brokenReply =
  /something went wrong on my side|seems to be from an older message|couldn't match that form/;

/** What is wrong with one run, if anything. */
export function misjudged(
  what: string,
  role: Role,
  row: Row,
  reply: ReturnType<typeof recordingReply>,
  uploadsBefore: number,
): string | undefined {
  const text = reply.text();
  const refused = row.refusal.test(text);
  const strayFile = uploads.slice(uploadsBefore).some((to) => to !== userOf[role]);
  if (refused !== row.allowed[role] && reply.seen.length > 0 && !brokenReply.test(text) && !strayFile)
    return undefined;
  return `${what} as ${role}: ${row.allowed[role] ? 'refused' : 'allowed'}${strayFile ? ' (a file to someone else)' : ''}: ${text.slice(0, 80)}`;
}

/**
 * An open round of team A's and mem's answer to it, shared with their supervisor only. Made when
 * the buttons are walked, since the commands walk's `checkin close` closes every open round.
 */
export async function openRoundForButtons(): Promise<void> {
  await chat.command('adm', ['checkin', 'now'], {}, 'C-a');
  const round = await db.prisma.checkinRound.findFirstOrThrow({
    where: { teamId: made.teamAId, status: 'open' },
  });
  made.roundId = round.id;
  await chat.form('mem', 'checkins:answer', { q1: '3', 'q1-who': 'supervisor' }, 'C-a', round.id);
  made.answerId = (await db.prisma.checkinAnswer.findFirstOrThrow({ where: { roundId: round.id } })).id;
}

/** The world's handles, once `useWalkWorld`'s beforeAll has built it. */
export const walk = {
  get chat() {
    return chat;
  },
  get actionPrefixes() {
    return actionPrefixes;
  },
  get departedId() {
    return departedId;
  },
};

/** Builds the walk's world before the file's tests (team A with every role, team B) and closes it after. */
export function useWalkWorld(): void {
  beforeAll(buildWorld);
  afterAll(() => db.close());
}

async function buildWorld(): Promise<void> {
  db = await clonedDatabase();
  uploads.length = 0;
  const features = testFeatureList(db.prisma, {
    clientFor: clientsFor({
      ...shellPeople,
      async uploadFile(to) {
        uploads.push('userId' in to ? to.userId : `channel ${to.channelId}`);
      },
    }),
  });
  actionPrefixes = Object.keys(composeFeatures(features, silentLogger).actions);
  chat = featureHarness(db.prisma, features);
  await chat.command('adm', ['setup'], { name: 'A' }, 'C-a');
  for (const who of ['mem', 'mem2', 'sup', 'sup2', 'former', 'zed', 'gone']) await chat.joined(who, 'C-a');
  for (const who of ['sup', 'sup2'])
    await chat.command('adm', ['team', 'role'], { user: `@${who}`, role: 'supervisor' }, 'C-a');
  await chat.command('adm', ['team', 'supervisor'], { member: '@mem', supervisor: '@sup' }, 'C-a');
  await chat.command('adm', ['team', 'supervisor'], { member: '@mem2', supervisor: '@sup2' }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@former', role: 'admin' }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@former', role: 'admin', remove: true }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@gone', role: 'member', remove: true }, 'C-a');
  await chat.command('bown', ['setup'], { name: 'B' }, 'C-b');
  await chat.joined('other', 'C-b');
  departedId = (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'gone' } })).id;
  const teamA = await db.prisma.team.findFirstOrThrow({ where: { name: 'A' } });
  made.teamAId = teamA.id;
  await chat.command(
    'sup',
    ['supervision', 'new'],
    { title: 'Walk', date: '2026-12-08', time: '18:00', length: 60 },
    'C-a',
  );
  const session = await db.prisma.supervisionSession.findFirstOrThrow({ where: { teamId: teamA.id } });
  made.sessionCode = `#${session.id.slice(-6)}`;
  made.seriesCode = `#${(await db.prisma.supervisionSeries.findFirstOrThrow({ where: { teamId: teamA.id } })).id.slice(-6)}`;
  await chat.command('sup', ['supervision', 'slots'], { times: '2026-12-23 10:00' }, 'C-a');
  made.slotId = (await db.prisma.supervisionSlot.findFirstOrThrow({ where: { teamId: teamA.id } })).id;
  made.slotCode = `#${made.slotId.slice(-6)}`;
  await chat.command(
    'sup',
    ['supervision', 'poll'],
    { title: 'Walk poll', slots: '2026-12-10 18:00, 2026-12-11 18:00', length: 60 },
    'C-a',
  );
  made.pollId = (await db.prisma.poll.findFirstOrThrow({ where: { teamId: teamA.id } })).id;
  await chat.command(
    'sup',
    ['supervision', 'new'],
    { title: 'Walk live', date: '2026-12-16', time: '18:00', length: 60 },
    'C-a',
  );
  // mem shares a plan section with sup: only sup (and mem) may open it.
  await chat.form('mem', 'plans:section', { text: 'walk share' }, 'C-a', 'triggers');
  await chat.command('mem', ['plan'], { action: 'share', section: 'triggers' }, 'C-a');
  made.shareId = (await db.prisma.planShare.findFirstOrThrow()).id;
  made.liveSessionId = (
    await db.prisma.supervisionSession.findFirstOrThrow({ where: { teamId: teamA.id, title: 'Walk live' } })
  ).id;
  await chat.form(
    'mem',
    'selfcare:choose',
    { topics: ['end-of-shift'], days: ['MO'], weekly: 'FR', time: '17:30' },
    'C-a',
  );
  made.nudgeId = (
    await db.prisma.selfCareNudge.findFirstOrThrow({ where: { member: { platformUserId: 'mem' } } })
  ).id;
  // The team's first check-in is made when a lead first opens a round.
  await chat.command('adm', ['checkin', 'now'], {}, 'C-a');
  await chat.command('adm', ['checkin', 'close'], {}, 'C-a');
  made.templateId = (await db.prisma.checkinTemplate.findFirstOrThrow({ where: { teamId: teamA.id } })).id;
  await chat.form(
    'mem',
    'flags:submit',
    { level: levelChoices[0]!.value, wish: wishChoices[0]!.value },
    'C-a',
  );
  made.flagId = (await db.prisma.triggerFlag.findFirstOrThrow({ where: { teamId: teamA.id } })).id;
  // A team admin's entry added from the team's channel is that team's own: its admins change it.
  await chat.form('adm', 'resources:add-form', { ...resourceValues, title: 'Walk entry' }, 'C-a');
  made.resourceId = (await db.prisma.resource.findFirstOrThrow({ where: { title: 'Walk entry' } })).id;
}
