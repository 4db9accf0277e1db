import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createShellAdapter, type ShellAdapter } from '../../../src/adapters/shell/index.ts';
import { describeSize } from '../../../src/adapters/shell/shell-deliveries.ts';
import { DeliveryError, view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { silentLogger } from '../../../src/logger.ts';
import { sampleTable } from '../../chat/sample-table.ts';
import { fakeSink, type Terminal, terminal, within } from './shell-terminal.ts';

const local = { platform: 'shell', workspaceId: 'local' } as const;
const dana = { ...local, userId: 'dana' };
const team = { ...local, channelId: 'team' };
const alex = { ...local, userId: 'alex' };

let running: { shell: ShellAdapter; term: Terminal } | undefined;

afterEach(async () => {
  if (!running) return;
  running.term.end();
  await within(running.shell.stop(), 5000, 'stopping the shell');
  running = undefined;
});

async function startedShell() {
  const term = terminal();
  const recorded = fakeSink();
  const shell = createShellAdapter({
    input: term.input,
    output: term.output,
    table: sampleTable(),
    sink: recorded.sink,
    logger: silentLogger,
    sessionId: 't',
  });
  running = { shell, term };
  await shell.start();
  // The first person joining the first channel is the first event; wait for it to settle.
  await term.waitFor('Leave any time');
  return { term, shell, client: shell.client, events: recorded.events };
}

const hello = view(markup`Hello`, { type: 'text', text: markup`A gentle hello.` });

describe('shell ChatClient (what the outbox sends through)', () => {
  it('labels a direct message, a channel post and a private reply by who sees them', async () => {
    const { term, client } = await startedShell();
    const direct = await client.sendDirect(dana, hello);
    const posted = await client.postToChannel(team, hello);
    await client.postPrivately(team, alex, hello);
    const text = term.text();
    expect(text).toContain('[DM to dana] PeerBridge:\n  A gentle hello.');
    expect(text).toContain('[#team] PeerBridge:\n  A gentle hello.');
    expect(text).toContain('[to alex, only you] PeerBridge:\n  A gentle hello.');
    expect(direct).toEqual({ ...local, channelId: 'dm-dana', messageId: 't-m1' });
    expect(posted).toEqual({ ...local, channelId: 'team', messageId: 't-m2' });
  });

  it('shows an update under the label of the message it replaces', async () => {
    const { term, client } = await startedShell();
    const direct = await client.sendDirect(dana, hello);
    await client.updateMessage(direct, view(markup`Changed`, { type: 'text', text: markup`Plans changed.` }));
    expect(term.text()).toContain('[DM to dana] PeerBridge (edited):\n  Plans changed.');
  });

  it('shows an uploaded file by name and size, and writes nothing to disk', async () => {
    const { term, client } = await startedShell();
    await client.uploadFile(team, {
      filename: 'supervision.ics',
      content: 'x'.repeat(1300),
      title: 'Group supervision',
      mimeType: 'text/calendar',
    });
    await client.uploadFile(dana, { filename: 'plan.txt', content: new Uint8Array(12) });
    const text = term.text();
    expect(text).toContain(
      '[#team] PeerBridge shared a file:\n  Group supervision\n  supervision.ics, 1.3 KB',
    );
    expect(text).toContain('[DM to dana] PeerBridge shared a file:\n  plan.txt, 12 bytes');
    expect(existsSync('supervision.ics')).toBe(false);
    expect(existsSync('plan.txt')).toBe(false);
    expect(describeSize(1)).toBe('1 byte');
    expect(describeSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('shows a resend with the same idempotency key once, and findDelivered remembers it', async () => {
    const { term, client } = await startedShell();
    const first = await client.sendDirect(dana, hello, { idempotencyKey: 'k1' });
    const again = await client.sendDirect(dana, hello, { idempotencyKey: 'k1' });
    expect(again).toEqual(first);
    expect(term.text().split('[DM to dana]')).toHaveLength(2);
    expect(await client.findDelivered?.(dana, 'k1')).toEqual(first);
    expect(await client.findDelivered?.(dana, 'k2')).toBeUndefined();
    expect(await client.findDelivered?.(team, 'k1')).toBeUndefined();
    const posted = await client.postToChannel(team, hello, { idempotencyKey: 'k1' });
    expect(await client.findDelivered?.(team, 'k1')).toEqual(posted);
  });

  it('refuses, as permanent, a target from another platform', async () => {
    const { client } = await startedShell();
    const wrong = { platform: 'slack', workspaceId: 'T1', userId: 'U1' } as const;
    await expect(client.sendDirect(wrong, hello)).rejects.toSatisfy(
      (error) => error instanceof DeliveryError && error.failure === 'permanent',
    );
  });

  it('lets the person a direct message was for press its buttons, and says how', async () => {
    const { term, client, events } = await startedShell();
    await client.sendDirect(
      { ...local, userId: 'sam' },
      view(markup`Flag`, {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'flags:ack', label: 'I am on it', value: 'f1' }],
      }),
    );
    expect(term.text()).toContain('[1] I am on it\n  (sam can press it: /as sam, then type 1)');
    term.type('1', '/as sam', '1');
    term.end();
    await within(running!.shell.closed, 5000, 'the playground closing');
    expect(term.text()).toContain('There is nothing to press yet.');
    const actions = events.filter((e) => e.kind === 'action');
    expect(actions).toMatchObject([
      {
        actor: { userId: 'sam' },
        actionId: 'flags:ack',
        value: 'f1',
        place: { channelId: 'dm-sam', isDirect: true },
        message: { channelId: 'dm-sam' },
      },
    ]);
  });
});
