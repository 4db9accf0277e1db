// The app's whole feature list (featureList, as app.ts builds it) with quiet test dependencies:
// a fresh key, a ManualClock at a fixed instant, silent logs, no platform. Tests override
// what they look at (a cipher to decrypt with, a client that records uploads).
import { randomBytes } from 'node:crypto';
import { createAccess } from '../../src/access/index.ts';
import { featureList } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createKeyRing, type PrismaClient } from '../../src/db/index.ts';
import type { Feature, FeatureDeps } from '../../src/features/feature.ts';
import { silentLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/scheduling/index.ts';

export function testFeatureList(prisma: PrismaClient, overrides: Partial<FeatureDeps> = {}): Feature[] {
  const clientFor = overrides.clientFor ?? (() => undefined);
  return featureList({
    access: createAccess({ prisma, clientFor }),
    prisma,
    cipher: createKeyRing(randomBytes(32)),
    clock: new ManualClock(new Date('2026-12-01T09:00:00Z')),
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: silentLogger,
    notifyOutbox: () => {},
    clientFor,
    ...overrides,
  });
}
