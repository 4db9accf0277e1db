// composeFeatures folds the app's list of features into what the table, router and scheduler
// take. A clash is a programming error that must stop start-up with a sentence naming both
// features; a member-joined hook that throws must not keep the next feature's from running.
import { describe, expect, it } from 'vitest';
import {
  type ActionHandler,
  type ChatEvent,
  defineCommand,
  defineGroup,
  type MemberJoinedContext,
  type MemberJoinedHandler,
} from '../../src/chat/index.ts';
import { literal, markup } from '../../src/chat/markup.ts';
import { composeFeatures, FeatureClashError } from '../../src/features/compose-features.ts';
import type { Feature } from '../../src/features/feature.ts';
import { english } from '../../src/i18n/index.ts';
import type { LogPort, OccurrenceHandler } from '../../src/scheduling/index.ts';
import { recordingReply } from '../support/chat-harness.ts';

const noop: ActionHandler = async () => {};
const noopOccurrence: OccurrenceHandler = async () => {};

function recordingLogger() {
  const warnings: Record<string, unknown>[] = [];
  const logger: LogPort = {
    info: () => {},
    error: () => {},
    warn: (fields) => {
      warnings.push({ ...fields });
    },
  };
  return { logger, warnings };
}

const quiet = recordingLogger().logger;

function joinedContext(): MemberJoinedContext {
  const event: Extract<ChatEvent, { kind: 'member-joined' }> = {
    kind: 'member-joined',
    eventId: 'e1',
    actor: { platform: 'shell', workspaceId: 'local', userId: 'sam' },
    place: { channelId: 'team', isDirect: false },
    channelId: 'team',
  };
  return {
    event,
    actor: event.actor,
    place: event.place,
    reply: recordingReply(),
    reader: async () => english,
    channelId: 'team',
  };
}

describe('composeFeatures', () => {
  it('folds commands, groups, actions, forms, occurrences and jobs from every feature, in list order', () => {
    const group = defineGroup({ name: 'checkin', description: 'Check-ins', help: 'Check-ins.' });
    const command = (name: string, inGroup?: string) =>
      defineCommand({
        name,
        ...(inGroup ? { group: inGroup } : {}),
        description: name,
        help: name,
        who: 'everyone',
        verb: 'help',
        where: 'anywhere',
        handler: async () => {},
      });
    const composed = composeFeatures(
      [
        { name: 'one', groups: [group], commands: [command('open', 'checkin')], actions: { checkins: noop } },
        {
          name: 'two',
          commands: [command('wave')],
          forms: { wave: async () => {} },
          occurrences: { reminder: noopOccurrence },
          jobs: [{ name: 'tidy', run: async () => {} }],
        },
      ],
      quiet,
    );
    expect(composed.groups.map((g) => g.name)).toEqual(['checkin']);
    expect(composed.commands.map((c) => c.path.join(' '))).toEqual(['checkin open', 'wave']);
    expect(Object.keys(composed.actions)).toEqual(['checkins']);
    expect(Object.keys(composed.forms)).toEqual(['wave']);
    expect(composed.occurrences.reminder).toBe(noopOccurrence);
    expect(composed.jobs.map((j) => j.name)).toEqual(['tidy']);
  });

  it.each<[string, Feature, Feature, RegExp]>([
    [
      'an action prefix',
      { name: 'checkins', actions: { answer: noop } },
      { name: 'flags', actions: { answer: noop } },
      /Features 'checkins' and 'flags' both claim the action prefix 'answer'/,
    ],
    [
      'a form prefix',
      { name: 'checkins', forms: { answer: async () => {} } },
      { name: 'flags', forms: { answer: async () => {} } },
      /Features 'checkins' and 'flags' both claim the form prefix 'answer'/,
    ],
    [
      'a schedule kind',
      { name: 'checkins', occurrences: { checkin: noopOccurrence } },
      { name: 'supervision', occurrences: { checkin: noopOccurrence } },
      /Features 'checkins' and 'supervision' both claim the schedule kind 'checkin'/,
    ],
    [
      'direct messages',
      { name: 'teams', directMessage: async () => {} },
      { name: 'resources', directMessage: async () => {} },
      /Features 'teams' and 'resources' both claim direct messages/,
    ],
    [
      'a name',
      { name: 'teams' },
      { name: 'teams' },
      /Features 'teams' and 'teams' both claim the feature name/,
    ],
  ])('refuses two features claiming %s, naming both', (_what, first, second, message) => {
    const compose = () => composeFeatures([first, second], quiet);
    expect(compose).toThrow(FeatureClashError);
    expect(compose).toThrow(message);
    expect(compose).toThrow(/give one of them another name/);
  });

  it('runs every member-joined hook even when an earlier one throws, logs it, and rethrows the first failure', async () => {
    const ran: string[] = [];
    const hook =
      (name: string, fails = false): MemberJoinedHandler =>
      async () => {
        ran.push(name);
        if (fails) throw new Error(`${name} broke`);
      };
    const { logger, warnings } = recordingLogger();
    const composed = composeFeatures(
      [
        { name: 'teams', memberJoined: hook('teams', true) },
        { name: 'quiet' },
        { name: 'checkins', memberJoined: hook('checkins') },
        { name: 'selfcare', memberJoined: hook('selfcare', true) },
      ],
      logger,
    );
    await expect(composed.memberJoined?.(joinedContext())).rejects.toThrow('teams broke');
    expect(ran).toEqual(['teams', 'checkins', 'selfcare']);
    expect(warnings.map((w) => [w.event, w.feature])).toEqual([
      ['feature.member-joined.failed', 'teams'],
      ['feature.member-joined.failed', 'selfcare'],
    ]);
  });

  it('has no member-joined hook when no feature has one, and gathers App Home and privacy in list order', async () => {
    const composed = composeFeatures(
      [
        {
          name: 'teams',
          home: async () => [{ type: 'text', text: markup`Your team` }],
          privacy: async () => [{ label: markup`Time zone`, value: markup`UTC` }],
        },
        { name: 'admin' },
        {
          name: 'checkins',
          home: async () => [{ type: 'text', text: markup`Your check-ins` }],
          privacy: async (memberId) => [
            { label: markup`Check-in answers`, value: markup`3 for ${literal(memberId)}` },
          ],
        },
      ],
      quiet,
    );
    expect(composed.memberJoined).toBeUndefined();
    const actor = { platform: 'shell' as const, workspaceId: 'local', userId: 'sam' };
    expect(await composed.home(actor)).toEqual([
      { type: 'text', text: 'Your team' },
      { type: 'text', text: 'Your check-ins' },
    ]);
    expect(await composed.privacy('m1', english)).toEqual([
      { label: 'Time zone', value: 'UTC' },
      { label: 'Check-in answers', value: '3 for m1' },
    ]);
  });
});
