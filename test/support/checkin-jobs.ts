// For end-to-end check-in tests: the app's own features with the check-in jobs taken out of
// its wall-clock scheduler, and a scheduler of the test's own that runs them only when the
// test ticks it, so the test decides when a reminder or a close is due.
import { featureList } from '../../src/app.ts';
import type { PrismaClient } from '../../src/db/index.ts';
import type { Feature, FeatureDeps } from '../../src/features/feature.ts';
import { silentLogger } from '../../src/logger.ts';
import { createScheduler, type Scheduler } from '../../src/scheduling/index.ts';

export function checkinJobsOnTestScheduler(): {
  readonly features: (deps: FeatureDeps) => Feature[];
  scheduler(prisma: PrismaClient): Scheduler;
} {
  let checkins: Feature | undefined;
  return {
    features: (deps) =>
      featureList(deps).map((f) => {
        if (f.name !== 'checkins') return f;
        checkins = f;
        return { ...f, jobs: [] };
      }),
    scheduler: (prisma) =>
      createScheduler({
        prisma,
        instanceId: 'test',
        handlers: checkins?.occurrences ?? {},
        jobs: checkins?.jobs ?? [],
        cron: false,
        logger: silentLogger,
      }),
  };
}
