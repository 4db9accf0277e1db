// The safety path. "Would you like a peer to reach out?" = yes pairs the member with a
// teammate who opted in as a support buddy (rotating; never someone away or in quiet hours)
// and tells both privately; with no buddy free, the member's primary supervisor is asked.
// The bot never assesses or advises: it connects.
import type { View } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import {
  type DbClient,
  enqueueOutboxMany,
  isQuiet,
  type OutboxMessageInput,
} from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import type { CheckinsDeps, Team } from './context.ts';
import { zoneOf } from './context.ts';
import { rosterOf } from './roster.ts';
import {
  buddyForBuddyView,
  buddyForMemberView,
  noBuddyForMemberView,
  nobodyFreeView,
  supervisorAskedView,
} from './views.ts';

export type Pairing =
  | { readonly kind: 'buddy'; readonly buddy: Db.Member }
  | { readonly kind: 'supervisor'; readonly supervisor: Db.Member }
  | { readonly kind: 'nobody' };

function quietNow(member: Db.Member, team: Team, now: Date): boolean {
  if (member.quietStart === null || member.quietEnd === null) return false;
  return isQuiet(now, { start: member.quietStart, end: member.quietEnd }, zoneOf(member, team));
}

/** The next free buddy in rotation: the one who was a buddy longest ago (or never) first. */
export async function chooseBuddy(tx: DbClient, team: Team, member: Db.Member, now: Date) {
  const roster = (await rosterOf(tx, team.id)).map((p) => p.member).filter((m) => m.id !== member.id);
  const prefs = await tx.checkinPreference.findMany({
    where: { memberId: { in: roster.map((m) => m.id) }, buddy: true },
  });
  const free = prefs
    .filter((p) => !(p.pausedUntil && p.pausedUntil > now))
    .map((p) => ({ pref: p, person: roster.find((m) => m.id === p.memberId) }))
    .filter((c): c is { pref: Db.CheckinPreference; person: Db.Member } => c.person !== undefined)
    .filter((c) => !c.person.optOuts.includes('checkins') && !quietNow(c.person, team, now))
    .sort(
      (a, b) =>
        (a.pref.lastBuddyAt?.getTime() ?? 0) - (b.pref.lastBuddyAt?.getTime() ?? 0) ||
        a.person.id.localeCompare(b.person.id),
    );
  return free[0]?.person;
}

/** A DM about `about` (the member who asked): erasing that member deletes it. */
const dm = (
  team: Team,
  to: Db.Member,
  key: string,
  view: View,
  now: Date,
  about: Db.Member,
  urgent = false,
): OutboxMessageInput => ({
  aboutMemberId: about.id,
  idempotencyKey: key,
  platform: team.workspace.platform,
  workspaceExternalId: team.workspace.externalId,
  teamId: team.id,
  target: { kind: 'dm', userId: to.platformUserId },
  recipientMemberId: to.id,
  view,
  isPrivate: true,
  urgent,
  notBefore: now,
});

export async function pairForReachOut(
  tx: DbClient,
  deps: Pick<CheckinsDeps, 'cipher'>,
  team: Team,
  member: Db.Member,
  answerId: string,
  now: Date,
): Promise<Pairing> {
  const key = `checkin-reach:${answerId}:${now.getTime()}`;
  // Each person reads their own language (src/i18n's order), whoever asked.
  const tOf = (person: Db.Member) => translatorForMember(person, team);
  const buddy = await chooseBuddy(tx, team, member, now);
  if (buddy) {
    await tx.checkinPreference.update({ where: { memberId: buddy.id }, data: { lastBuddyAt: now } });
    await enqueueOutboxMany(tx, deps.cipher, [
      dm(
        team,
        buddy,
        `${key}:buddy`,
        buddyForBuddyView(member.displayName, team.name, tOf(buddy)),
        now,
        member,
      ),
      dm(team, member, `${key}:member`, buddyForMemberView(buddy.displayName, tOf(member)), now, member),
    ]);
    return { kind: 'buddy', buddy };
  }
  const primary = await tx.supervisorAssignment.findFirst({
    where: { teamId: team.id, superviseeId: member.id, kind: 'primary' },
    include: { supervisor: true },
  });
  if (primary) {
    await enqueueOutboxMany(tx, deps.cipher, [
      dm(
        team,
        primary.supervisor,
        `${key}:supervisor`,
        supervisorAskedView(member.displayName, team.name, tOf(primary.supervisor)),
        now,
        member,
        true,
      ),
      dm(team, member, `${key}:member`, noBuddyForMemberView(tOf(member)), now, member),
    ]);
    return { kind: 'supervisor', supervisor: primary.supervisor };
  }
  await enqueueOutboxMany(tx, deps.cipher, [
    dm(team, member, `${key}:member`, nobodyFreeView(tOf(member)), now, member),
  ]);
  return { kind: 'nobody' };
}
