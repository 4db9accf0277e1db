// Platform clients for feature tests that only need to know who people are: lookupUser from a
// list of people (as Slack users.info / Discord member fetch would answer), or the shell's
// real rule (every name is a person). Sending through them is a test bug and throws.
import { shellPerson } from '../../src/adapters/shell/shell-client.ts';
import type { ChatClient, PlatformPerson } from '../../src/chat/outbound.ts';
import type { Platform } from '../../src/chat/refs.ts';
import type { ClientFor } from '../../src/features/teams/index.ts';

const notHere = async (): Promise<never> => {
  throw new Error('this test client only looks people up');
};

export function lookupOnlyClient(
  platform: Platform,
  lookup: (userId: string) => PlatformPerson | undefined,
): ChatClient & { readonly lookups: string[] } {
  const lookups: string[] = [];
  return {
    platform,
    lookups,
    sendDirect: notHere,
    postToChannel: notHere,
    postPrivately: notHere,
    updateMessage: notHere,
    uploadFile: notHere,
    async lookupUser(user) {
      lookups.push(user.userId);
      return lookup(user.userId);
    },
  };
}

/** People a platform knows, by user id; missing fields get a plain person's defaults. */
export function platformPeople(
  platform: Platform,
  people: Readonly<Record<string, Partial<PlatformPerson>>>,
): ChatClient & { readonly lookups: string[] } {
  return lookupOnlyClient(platform, (userId) => {
    const seed = people[userId];
    return seed ? { userId, displayName: userId, isBot: false, deleted: false, ...seed } : undefined;
  });
}

/**
 * A platform's people and its channels' members: `lookupUser` as in platformPeople, and
 * `listChannelMembers` from `channels` (change it to have someone leave a channel).
 */
export function platformWorld(
  platform: Platform,
  people: Record<string, Partial<PlatformPerson>>,
  channels: Record<string, string[]>,
): ChatClient & { readonly lookups: string[] } {
  const client = platformPeople(platform, people);
  return {
    ...client,
    async listChannelMembers(channel) {
      const ids = channels[channel.channelId] ?? [];
      return ids.map((userId) => ({
        userId,
        displayName: userId,
        isBot: false,
        deleted: false,
        ...people[userId],
      }));
    },
  };
}

/** The shell's own rule, as the running playground applies it. */
export const shellPeople = lookupOnlyClient('shell', (userId) =>
  shellPerson({ platform: 'shell', workspaceId: 'local', userId }),
);

export function clientsFor(...clients: ChatClient[]): ClientFor {
  return (platform) => clients.find((client) => client.platform === platform);
}
