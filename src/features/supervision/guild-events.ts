// On Discord, sessions also become guild scheduled events (the next few, so a long series
// doesn't crowd the server's event list). Without the Manage Events permission the admin gets
// a plain note and nothing else is affected: the sessions, posts and reminders all stand.
// Whether a platform has such events is its adapter's declaration (`scheduledEvents`), asked
// here; where it has none, the `.ics` invitation is the calendar and nothing else happens.
import { type ChatClient, capabilitiesOf, type ScheduledEventInput } from '../../chat/index.ts';
import { toPlainText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { channelLanguage, translatorOf } from '../../i18n/index.ts';

/** How many upcoming sessions of one series get an event at once. */
export const EVENTS_AHEAD = 3;

/**
 * What the person who asked is told when Discord would not (views' `guildEventNote` says it in
 * their language): the events could not be made, or one could not follow its session.
 */
export type GuildEventNote = 'missing-permission' | 'not-changed-permission' | 'not-changed';

/** A session as a guild event: its title and times, the team channel as its place. */
const eventOf = (
  session: Db.SupervisionSession,
  location: string,
  team: Pick<Db.Team, 'language'>,
): ScheduledEventInput => ({
  name: session.title,
  // The whole server reads it: the team's language.
  description: toPlainText(translatorOf(channelLanguage(team.language))('supervision.events.description')),
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  location,
});

export type GuildEventsResult = { readonly created: number; readonly note?: GuildEventNote };

export async function createGuildEvents(
  prisma: PrismaClient,
  client: ChatClient | undefined,
  team: Db.Team & { workspace: Db.Workspace },
  sessions: readonly Db.SupervisionSession[],
  location: string,
): Promise<GuildEventsResult> {
  if (!capabilitiesOf(client).scheduledEvents || !client?.createScheduledEvent) return { created: 0 };
  let created = 0;
  for (const session of sessions.slice(0, EVENTS_AHEAD)) {
    const result = await client.createScheduledEvent(
      { platform: team.workspace.platform, workspaceId: team.workspace.externalId },
      eventOf(session, location, team),
    );
    if (!result.ok)
      return result.reason === 'missing-permission' ? { created, note: 'missing-permission' } : { created };
    await prisma.supervisionSession.update({
      where: { id: session.id },
      data: { discordEventId: result.eventId },
    });
    created += 1;
  }
  return { created };
}

export const guildEventNotChanged = (why: 'missing-permission' | 'failed'): GuildEventNote =>
  why === 'missing-permission' ? 'not-changed-permission' : 'not-changed';

/**
 * After a session moved or was cancelled: its guild event (when it has one) moves or is
 * marked cancelled too. Never throws; a note for the person when Discord would not.
 */
export async function followGuildEvent(
  client: ChatClient | undefined,
  team: Db.Team & { workspace: Db.Workspace },
  session: Db.SupervisionSession,
  location: string,
): Promise<{ readonly note?: GuildEventNote }> {
  const eventId = session.discordEventId;
  if (!eventId || !capabilitiesOf(client).scheduledEvents) return {};
  const workspace = { platform: team.workspace.platform, workspaceId: team.workspace.externalId };
  const result =
    session.status === 'cancelled'
      ? await client?.cancelScheduledEvent?.(workspace, eventId)
      : await client?.updateScheduledEvent?.(workspace, eventId, eventOf(session, location, team));
  if (!result || result.ok) return {};
  return { note: guildEventNotChanged(result.reason) };
}

const sameEvent = (a: Db.SupervisionSession, b: Db.SupervisionSession): boolean =>
  a.title === b.title &&
  a.status === b.status &&
  a.startsAt.getTime() === b.startsAt.getTime() &&
  a.endsAt.getTime() === b.endsAt.getTime();

/**
 * After a series edit: each session that had a live guild event follows its session (moved,
 * renamed), and the event of a session the edit dropped is marked cancelled. `before` is the
 * series' sessions with events, read before the edit. The first note, if Discord would not.
 */
export async function followSeriesEvents(
  prisma: PrismaClient,
  client: ChatClient | undefined,
  team: Db.Team & { workspace: Db.Workspace },
  before: readonly Db.SupervisionSession[],
  location: string,
): Promise<{ readonly note?: GuildEventNote }> {
  const live = before.filter((s) => s.discordEventId && s.status === 'scheduled');
  if (live.length === 0 || !capabilitiesOf(client).scheduledEvents) return {};
  const rows = await prisma.supervisionSession.findMany({ where: { id: { in: live.map((s) => s.id) } } });
  const after = new Map(rows.map((s) => [s.id, s]));
  let note: GuildEventNote | undefined;
  for (const old of live) {
    const now = after.get(old.id) ?? { ...old, status: 'cancelled' as const };
    if (sameEvent(old, now)) continue;
    note ??= (await followGuildEvent(client, team, now, location)).note;
  }
  return note ? { note } : {};
}
