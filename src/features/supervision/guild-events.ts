// On Discord, sessions also become guild scheduled events (the next few, so a long series
// doesn't crowd the server's event list). Without the Manage Events permission the admin gets
// a plain note and nothing else is affected: the sessions, posts and reminders all stand.
import type { ChatClient } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';

/** How many upcoming sessions of one series get an event at once. */
export const EVENTS_AHEAD = 3;

export const missingManageEventsNote =
  'One more thing for a server admin: I couldn’t add these sessions to the server’s Events, because I don’t have the **Manage Events** permission. Everything else works; to get Discord events too, give my role Manage Events and create the series again.';

export type GuildEventsResult = { readonly created: number; readonly note?: string };

export async function createGuildEvents(
  prisma: PrismaClient,
  client: ChatClient | undefined,
  team: Db.Team & { workspace: Db.Workspace },
  sessions: readonly Db.SupervisionSession[],
  location: string,
): Promise<GuildEventsResult> {
  if (team.workspace.platform !== 'discord' || !client?.createScheduledEvent) return { created: 0 };
  let created = 0;
  for (const session of sessions.slice(0, EVENTS_AHEAD)) {
    const result = await client.createScheduledEvent(
      { platform: 'discord', workspaceId: team.workspace.externalId },
      {
        name: session.title,
        description: 'Group supervision, from PeerBridge.',
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        location,
      },
    );
    if (!result.ok)
      return result.reason === 'missing-permission'
        ? { created, note: missingManageEventsNote }
        : { created };
    await prisma.supervisionSession.update({
      where: { id: session.id },
      data: { discordEventId: result.eventId },
    });
    created += 1;
  }
  return { created };
}

export const guildEventNotChanged = (why: 'missing-permission' | 'failed'): string =>
  why === 'missing-permission'
    ? 'I couldn’t change the server’s Event for this session, because I don’t have the **Manage Events** permission. Please change or cancel it in Events by hand.'
    : 'I couldn’t change the server’s Event for this session just now. Please check it in Events.';

/**
 * After a session moved or was cancelled: its guild event (when it has one) moves or is
 * marked cancelled too. Never throws; a note for the person when Discord would not.
 */
export async function followGuildEvent(
  client: ChatClient | undefined,
  team: Db.Team & { workspace: Db.Workspace },
  session: Db.SupervisionSession,
  location: string,
): Promise<{ readonly note?: string }> {
  const eventId = session.discordEventId;
  if (!eventId || team.workspace.platform !== 'discord') return {};
  const workspace = { platform: 'discord' as const, workspaceId: team.workspace.externalId };
  const result =
    session.status === 'cancelled'
      ? await client?.cancelScheduledEvent?.(workspace, eventId)
      : await client?.updateScheduledEvent?.(workspace, eventId, {
          name: session.title,
          description: 'Group supervision, from PeerBridge.',
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          location,
        });
  if (!result || result.ok) return {};
  return { note: guildEventNotChanged(result.reason) };
}
