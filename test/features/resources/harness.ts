// The resources feature (with teams, for set-up and roles) through the shared chat harness, with
// its manual clock and its jobs to run by hand.
import { randomBytes } from 'node:crypto';
import { createAccess } from '../../../src/access/index.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createResourcesFeature } from '../../../src/features/resources/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

/** `workspaceAdmins`: people the platform names admins of the whole workspace. */
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
    access: createAccess({ prisma: db.prisma, clientFor: () => undefined }),
  });
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: config.defaults,
    clientFor: clientsFor(shellPeople),
  });
  return {
    ...featureHarness(db.prisma, [teams, resources], { workspaceAdmins }),
    resources,
    features: [teams, resources] as const,
    clock,
    async runJobs() {
      for (const job of resources.jobs ?? []) await job.run({ instanceId: 'test', now: clock.now() });
    },
  };
}
