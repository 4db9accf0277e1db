// `npm run mattermost:setup` against the fake server: /peer is made in the bot's team, pointing
// at the callback URL, and running it again finds it instead of making a second one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mattermostSetup } from '../../../scripts/mattermost-setup.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeMattermost } from '../../fakes/mattermost/index.ts';

let fake: FakeMattermost;
beforeAll(async () => {
  fake = await FakeMattermost.start({ token: 'tok' });
});
afterAll(async () => {
  await fake?.close();
});

describe('npm run mattermost:setup', () => {
  it('registers /peer once per team, at the callback URL', async () => {
    const config = { url: fake.url, token: 'tok', callbackUrl: 'http://peerbridge:3000', port: 3000 };
    expect(await mattermostSetup(config, silentLogger)).toBe(1);
    expect(await mattermostSetup(config, silentLogger)).toBe(1);
    const commands = [...fake.world.commands.values()];
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      team_id: fake.world.team.id,
      trigger: 'peer',
      url: 'http://peerbridge:3000/mattermost/command',
    });
  });
});
