import { describe, expect, it } from 'vitest';
import {
  actionFromSlack,
  commandFromSlack,
  directMessageFromSlack,
  homeOpenerFromSlack,
  memberJoinedFromSlack,
} from '../../../src/adapters/slack/slack-events.ts';
import { english } from '../../../src/i18n/index.ts';
import { sampleTable } from '../../chat/sample-table.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  DEFAULT_SLACK_IDENTITY,
  directMessageEvent,
  eventCallback,
  memberJoinedChannelEvent,
  slashCommandPayload,
} from '../../fakes/slack/index.ts';

const table = sampleTable();
const team = DEFAULT_SLACK_IDENTITY.teamId;

describe('Slack slash commands -> command events', () => {
  it('turns `/peer topic add ...` into a path and raw options, with the trigger as event id', () => {
    const payload = slashCommandPayload({
      command: '/peer',
      text: 'topic add a hard week anonymous:yes',
      triggerId: 'T.1.abc',
    });
    const incoming = commandFromSlack(table, payload);
    expect(incoming).toMatchObject({
      kind: 'event',
      event: {
        kind: 'command',
        eventId: 'command:T.1.abc',
        actor: { platform: 'slack', workspaceId: team, userId: 'U0ALICE0001', displayName: 'alice' },
        place: { channelId: 'C0GENERAL01', isDirect: false },
        path: ['topic', 'add'],
        options: { text: 'a hard week', anonymous: 'yes' },
      },
      origin: { channelId: 'C0GENERAL01', triggerId: 'T.1.abc', isDirect: false },
    });
  });

  it('knows a command typed in a direct message is direct', () => {
    const payload = slashCommandPayload({
      command: '/peer',
      text: 'flag',
      channelId: 'D0ALICEDM01',
      channelName: 'directmessage',
    });
    const incoming = commandFromSlack(table, payload);
    expect(incoming.kind === 'event' && incoming.event.place).toEqual({
      channelId: 'D0ALICEDM01',
      isDirect: true,
    });
  });

  it('hands on text it cannot read as an unreadable command, for the router to word, still knowing where to answer', () => {
    const incoming = commandFromSlack(table, slashCommandPayload({ command: '/peer', text: 'chekin' }));
    if (incoming.kind !== 'event') throw new Error(`expected an event, got ${incoming.kind}`);
    // The problem is worded once the router knows the reader's language.
    const { event } = incoming;
    expect(event.kind === 'unreadable-command' && event.problem(english)).toContain('/peer checkin');
    expect(event.actor.userId).toBe('U0ALICE0001');
    expect(incoming.origin.userId).toBe('U0ALICE0001');
  });

  it('refuses a payload without the fields it depends on', () => {
    expect(commandFromSlack(table, { text: 'help' })).toMatchObject({ kind: 'malformed' });
  });
});

describe('Slack block_actions -> action events', () => {
  it('carries the neutral action id, the value and the message the button sits on', () => {
    const payload = blockActionsPayload({
      actionId: 'checkins:answer#2',
      value: 'round-1',
      message: { ts: '1712345678.000100', channelId: 'C0TEAM00001' },
    });
    const incoming = actionFromSlack(payload);
    expect(incoming).toMatchObject({
      kind: 'event',
      event: {
        kind: 'action',
        eventId: `action:${payload.trigger_id}:checkins:answer#2`,
        actionId: 'checkins:answer',
        value: 'round-1',
        message: {
          platform: 'slack',
          workspaceId: team,
          channelId: 'C0TEAM00001',
          messageId: '1712345678.000100',
        },
      },
      origin: { source: { channelId: 'C0TEAM00001', ts: '1712345678.000100', ephemeral: false } },
    });
    // A re-delivery of the same press has the same id.
    expect(actionFromSlack(payload)).toEqual(incoming);
  });

  it('takes a select value from the selected option', () => {
    const incoming = actionFromSlack(
      blockActionsPayload({ actionId: 'poll:vote', type: 'static_select', selectedValue: 'tue-10' }),
    );
    expect(incoming.kind === 'event' && incoming.event.kind === 'action' && incoming.event.value).toBe(
      'tue-10',
    );
  });

  it('ignores the press of a link button, which Slack reports too', () => {
    const blocks = [
      { type: 'actions', elements: [{ type: 'button', action_id: 'help:guide', url: 'https://x.org' }] },
    ];
    const incoming = actionFromSlack(
      blockActionsPayload({ actionId: 'help:guide', message: { ts: '1.000001', channelId: 'C1', blocks } }),
    );
    expect(incoming).toEqual({ kind: 'ignored', why: 'link button' });
  });
});

describe('Slack Events API -> events', () => {
  it("keeps Slack's event_id, so a retry is recognised", () => {
    const body = eventCallback(memberJoinedChannelEvent({ channelId: 'C0TEAM00001' }));
    const incoming = memberJoinedFromSlack(body, body.event, 'U0FAKEBOT01');
    expect(incoming).toMatchObject({
      kind: 'event',
      event: { kind: 'member-joined', eventId: body.event_id, channelId: 'C0TEAM00001' },
      origin: { privateAsDm: true },
    });
  });

  it('does not welcome the bot itself when it is invited', () => {
    const body = eventCallback(
      memberJoinedChannelEvent({ actor: { userId: 'U0FAKEBOT01', userName: 'peerbridge' }, channelId: 'C1' }),
    );
    expect(memberJoinedFromSlack(body, body.event, 'U0FAKEBOT01')).toMatchObject({ kind: 'ignored' });
  });

  it('passes on what a person wrote in a DM, and ignores edits and bots', () => {
    const body = eventCallback(directMessageEvent({ text: 'hello there' }));
    expect(directMessageFromSlack(body, body.event, 'U0FAKEBOT01')).toMatchObject({
      kind: 'event',
      event: {
        kind: 'direct-message',
        text: 'hello there',
        place: { channelId: 'D0ALICEDM01', isDirect: true },
      },
      origin: { inBotDm: true },
    });
    const edited = { ...body.event, subtype: 'message_changed' };
    expect(directMessageFromSlack(body, edited, 'U0FAKEBOT01')).toMatchObject({ kind: 'ignored' });
    const fromBot = { ...body.event, bot_id: 'B0OTHER0001' };
    expect(directMessageFromSlack(body, fromBot, 'U0FAKEBOT01')).toMatchObject({ kind: 'ignored' });
    const inChannel = { ...body.event, channel_type: 'channel' };
    expect(directMessageFromSlack(body, inChannel, 'U0FAKEBOT01')).toMatchObject({ kind: 'ignored' });
  });

  it('names who opened the Home tab, and ignores the Messages tab', () => {
    const body = eventCallback(appHomeOpenedEvent());
    expect(homeOpenerFromSlack(body, body.event)).toEqual({
      platform: 'slack',
      workspaceId: team,
      userId: 'U0ALICE0001',
    });
    expect(homeOpenerFromSlack(body, { ...body.event, tab: 'messages' })).toMatchObject({ kind: 'ignored' });
  });
});
