// The resources feature (with teams, for set-up and roles) through the shared chat harness, with
// its manual clock and its jobs to run by hand.
import { randomBytes } from 'node:crypto';
import { shellPerson } from '../../../src/adapters/shell/shell-client.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createResourcesFeature } from '../../../src/features/resources/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clientsFor, lookupOnlyClient, shellPeople } from '../../support/people.ts';

/**
 * The harness's platform: every name is a person (the shell's rule), and the names in
 * `workspaceAdmins` are admins of the whole workspace, as Slack's users.info would say.
 */
function resourcesPeople(workspaceAdmins: readonly string[]) {
  return lookupOnlyClient('shell', (userId) => {
    const person = shellPerson({ platform: 'shell', workspaceId: 'local', userId });
    return person && { ...person, isWorkspaceAdmin: workspaceAdmins.includes(userId) };
  });
}

export function resourcesHarness(db: Database, workspaceAdmins: readonly string[] = ['wanda']) {
  const cipher = createFieldCipher(randomBytes(32));
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  const config = { defaults: { timeZone: 'UTC', crisisRegion: 'US' }, resources: { staleDays: 180 } };
  const resources = createResourcesFeature({
    prisma: db.prisma,
    cipher,
    clock,
    config,
    logger: silentLogger,
    notifyOutbox: () => undefined,
    clientFor: clientsFor(resourcesPeople(workspaceAdmins)),
  });
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: config.defaults,
    clientFor: clientsFor(shellPeople),
  });
  return {
    ...featureHarness(db.prisma, [teams, resources]),
    resources,
    clock,
    async runJobs() {
      for (const job of resources.jobs ?? []) await job.run({ instanceId: 'test', now: clock.now() });
    },
  };
}
