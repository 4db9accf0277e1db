// The playground's ChatClient, used by the outbox: sends are printed, not delivered anywhere.
// Idempotency keys are remembered for the session, so a resend with the same key shows once
// and findDelivered can answer, as Slack metadata and Discord nonces let the real adapters do.

import {
  type ChannelRef,
  type ChatClient,
  DeliveryError,
  type MessageRef,
  type PlatformPerson,
  type UserRef,
  type WorkspaceRef,
} from '../../chat/index.ts';
import { shellCapabilities } from './capabilities.ts';
import type { ShellDeliveries } from './shell-deliveries.ts';
import { shellWorkspaceId } from './shell-world.ts';

const targetKey = (target: ChannelRef | UserRef, idempotencyKey: string): string =>
  'channelId' in target
    ? `channel:${target.channelId}:${idempotencyKey}`
    : `user:${target.userId}:${idempotencyKey}`;

// A ref from another platform or workspace reaching the shell is a wiring bug; retrying it
// would never help, so it is refused as permanent.
function ensureShell(ref: WorkspaceRef): void {
  if (ref.platform !== 'shell' || ref.workspaceId !== shellWorkspaceId) {
    throw new DeliveryError(
      'permanent',
      `The shell playground cannot deliver to ${ref.platform} workspace ${ref.workspaceId}`,
    );
  }
}

/**
 * The playground's people are names: whoever is named exists (that is how `/as alex` works),
 * so the shell is the one place a plain name is a person. Nobody is a workspace admin here;
 * team admins are made with `/peer setup` and `/peer team role`.
 */
export function shellPerson(user: UserRef): PlatformPerson | undefined {
  if (user.platform !== 'shell' || user.workspaceId !== shellWorkspaceId) return undefined;
  return {
    userId: user.userId,
    displayName: user.userId,
    isBot: false,
    deleted: false,
    isWorkspaceAdmin: false,
  };
}

/** The playground's people, for the check-in roster. */
export interface ShellPeople {
  membersOf(channelId: string): readonly string[];
  displayName(userId: string): string;
}

/** A `ChatClient` (src/chat/outbound.ts says what each method promises). */
export function createShellClient(deliveries: ShellDeliveries, people?: ShellPeople): ChatClient {
  const delivered = new Map<string, MessageRef>();

  function once(target: ChannelRef | UserRef, key: string | undefined, send: () => MessageRef): MessageRef {
    ensureShell(target);
    const seen = key === undefined ? undefined : delivered.get(targetKey(target, key));
    if (seen) return seen;
    const message = send();
    if (key !== undefined) delivered.set(targetKey(target, key), message);
    return message;
  }

  return {
    platform: 'shell',
    capabilities: shellCapabilities,
    async sendDirect(user, view, options) {
      return once(user, options?.idempotencyKey, () => deliveries.direct(user.userId, view));
    },
    async postToChannel(channel, view, options) {
      return once(channel, options?.idempotencyKey, () =>
        deliveries.post(channel.channelId, view, options?.threadId),
      );
    },
    async findDelivered(target, idempotencyKey) {
      ensureShell(target);
      return delivered.get(targetKey(target, idempotencyKey));
    },
    async postPrivately(channel, user, view) {
      ensureShell(channel);
      deliveries.whisper(channel.channelId, user.userId, view);
    },
    async updateMessage(message, view) {
      ensureShell(message);
      deliveries.update(message, view);
    },
    async uploadFile(target, file) {
      ensureShell(target);
      deliveries.file(target, file);
    },
    lookupUser: async (user) => shellPerson(user),
    // Everyone who has been in the channel this session; the playground has no bots.
    async listChannelMembers(channel) {
      ensureShell(channel);
      return (people?.membersOf(channel.channelId) ?? []).map((userId) => ({
        userId,
        displayName: people?.displayName(userId) ?? userId,
        isBot: false,
        deleted: false,
      }));
    },
  };
}
