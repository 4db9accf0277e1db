// A small command table for tests: not the real features, just every shape they will use.

import type { Command } from '../../src/chat/command-table.ts';
import type { EventDedupe, Reply } from '../../src/chat/index.ts';
import { checks, createCommandTable, defineCommand, defineGroup, type View } from '../../src/chat/index.ts';
import type { Block, Form } from '../../src/chat/views.ts';

export const setupCommand = defineCommand({
  name: 'setup',
  description: 'Set your time zone and region',
  help: 'Tells me your time zone, so reminders come at a kind hour, and your region, for the right crisis lines.',
  who: 'everyone',
  verb: 'help',
  where: 'anywhere',
  options: {
    timezone: {
      type: 'string',
      description: 'Your time zone, like Europe/Berlin',
      required: true,
      check: checks.timeZone,
    },
    region: { type: 'choice', description: 'Where you are', choices: ['US', 'UK', 'CA', 'DE'] },
  },
  handler: async () => {},
});

/** A command for adapter tests, whose handler the test writes inline. */
export function testCommand(name: string, handler: (reply: Reply) => Promise<void>): Command {
  return defineCommand({
    name,
    description: `Test command ${name}`,
    help: 'For tests.',
    who: 'everyone',
    verb: 'help',
    where: 'anywhere',
    handler: ({ reply }) => handler(reply),
  });
}

/** The router's de-duplication without a database: each (platform, eventId) runs once. */
export function memoryDedupe(): EventDedupe {
  const seen = new Set<string>();
  return {
    firstTime: async (platform, eventId) => {
      const key = `${platform}:${eventId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}

export function sampleTable(overrides: { setup?: typeof setupCommand } = {}) {
  return createCommandTable({
    groups: [
      defineGroup({
        name: 'topic',
        description: 'Agenda topics for supervision',
        help: 'Add topics for the next group supervision.',
      }),
      defineGroup({
        name: 'admin',
        description: 'Team admin tools',
        help: 'Tools for keeping PeerBridge running well.',
      }),
    ],
    commands: [
      overrides.setup ?? setupCommand,
      defineCommand({
        name: 'checkin',
        description: 'Share how things are going, when you want to',
        help: 'Opens a short check-in. Every question can be skipped.',
        who: 'everyone',
        verb: 'help',
        where: 'channel',
        options: { mood: { type: 'choice', description: 'How you feel', choices: ['good', 'okay', 'hard'] } },
        handler: async () => {},
      }),
      defineCommand({
        name: 'flag',
        description: 'Privately let your supervisor know a session was hard',
        help: 'Only your supervisor sees it. You also get your own wellness plan steps.',
        who: 'everyone',
        verb: 'help',
        where: 'direct',
        options: {
          note: { type: 'string', description: 'A few words, if you like', maxLength: 500, rest: true },
        },
        handler: async () => {},
      }),
      defineCommand({
        name: 'add',
        group: 'topic',
        description: 'Add an agenda topic',
        help: 'Adds a topic to the next supervision agenda. It can be anonymous.',
        who: 'everyone',
        verb: 'help',
        where: 'anywhere',
        options: {
          text: { type: 'string', description: 'The topic', required: true, maxLength: 300, rest: true },
          anonymous: { type: 'boolean', description: 'Leave your name off' },
        },
        handler: async () => {},
      }),
      defineCommand({
        name: 'roster',
        description: 'See who you supervise and when you last met',
        help: 'Lists the people you supervise.',
        who: 'supervisor',
        verb: 'checkin.trend',
        where: 'anywhere',
        options: { weeks: { type: 'integer', description: 'How many weeks back', min: 1, max: 12 } },
        handler: async () => {},
      }),
      defineCommand({
        name: 'outbox',
        group: 'admin',
        description: 'See messages waiting to be delivered',
        help: 'Shows what is queued and what failed.',
        who: 'admin',
        verb: 'team.roles',
        where: 'anywhere',
        handler: async () => {},
      }),
    ],
  });
}

export interface RecordedReply extends Reply {
  readonly privateViews: View[];
  readonly publicViews: View[];
  readonly forms: Form[];
  readonly updates: View[];
}

export function recordingReply(): RecordedReply {
  const privateViews: View[] = [];
  const publicViews: View[] = [];
  const forms: Form[] = [];
  const updates: View[] = [];
  return {
    privateViews,
    publicViews,
    forms,
    updates,
    privately: async (v) => {
      privateViews.push(v);
    },
    publicly: async (v) => {
      publicViews.push(v);
      return undefined;
    },
    openForm: async (f) => {
      forms.push(f);
    },
    updateSource: async (v) => {
      updates.push(v);
    },
  };
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'header':
    case 'text':
    case 'context':
      return b.text;
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'divider':
      return '';
    case 'actions':
      return b.elements.map((e) => (e.type === 'button' ? e.label : e.placeholder)).join(' ');
  }
}

/** Everything a person would read in a view, as one string. */
export function viewText(v: View): string {
  return [v.text, ...v.blocks.map(blockText)].join('\n');
}
