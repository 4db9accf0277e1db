// When the adapter itself fails before the router can answer, the person hears an apology,
// never a cheerful "All done".

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { testCommand } from '../../chat/sample-table.ts';
import { type AdapterUnderTest, startDiscordAdapter } from './adapter-harness.ts';

let world: AdapterUnderTest;

beforeAll(async () => {
  world = await startDiscordAdapter({
    commands: [
      testCommand('ping', (reply) =>
        reply.privately(view(markup`pong`, { type: 'text', text: markup`pong` })),
      ),
    ],
    wrapSink: () => async () => {
      throw new Error('the sink broke');
    },
  });
});
afterAll(() => world.close());

describe('a failure inside the Discord adapter', () => {
  it('answers privately with an apology that says nothing was saved', async () => {
    const answer = await world.fake.slashCommand({ name: 'peer', subcommand: 'ping' }).reply();
    expect(answer).toMatchObject({ type: 4, data: { flags: 64 } });
    const content = String((answer as { data?: { content?: string } }).data?.content);
    expect(content).toMatch(/something went wrong on my side/);
    expect(content).toMatch(/Nothing was saved/);
    expect(content).not.toMatch(/All done/);
  });
});
