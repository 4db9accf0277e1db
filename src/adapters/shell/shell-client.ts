// The playground's ChatClient, used by the outbox: sends are printed, not delivered anywhere.
// Idempotency keys are remembered for the session, so a resend with the same key shows once
// and findDelivered can answer, as Slack metadata and Discord nonces let the real adapters do.

import {
  type ChannelRef,
  type ChatClient,
  DeliveryError,
  editDistance,
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
 * A playground person as the platform describes them. Nobody is a workspace admin here; team
 * admins are made with `/peer setup` and `/peer team role`.
 */
export function shellPerson(user: UserRef, displayName = user.userId): PlatformPerson | undefined {
  if (user.platform !== 'shell' || user.workspaceId !== shellWorkspaceId) return undefined;
  return {
    userId: user.userId,
    displayName,
    isBot: false,
    deleted: false,
    isWorkspaceAdmin: false,
  };
}

/** The playground's people, for the check-in roster and for confirming a named person. */
export interface ShellPeople {
  membersOf(channelId: string): readonly string[];
  displayName(userId: string): string;
  /** Whether this person has been in the playground (`/as name` brings someone in). */
  knows(userId: string): boolean;
  people(): readonly { readonly userId: string; readonly displayName: string }[];
}

// How many near names a refusal offers: enough to spot a typo, few enough to read at a glance.
const suggestedNames = 3;

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
    // Like Slack's users.info and Discord's member fetch, only someone who has been here is a
    // person: a name typed in a command (`user:@nobody`) must not become a phantom member.
    async lookupUser(user) {
      if (people && !people.knows(user.userId)) return undefined;
      return shellPerson(user, people?.displayName(user.userId) ?? user.userId);
    },
    async suggestPeople(user) {
      if (!people) return [];
      const typed = user.userId.toLowerCase();
      return people
        .people()
        .map((p) => ({ name: p.displayName, distance: editDistance(typed, p.userId) }))
        .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
        .slice(0, suggestedNames)
        .map((p) => p.name);
    },
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
