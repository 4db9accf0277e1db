// Slack retries an event it thinks we missed (X-Slack-Retry-Num); Discord may re-deliver after
// a resume. The first insert of (platform, event id) wins; later ones are dropped.
import type { Platform } from '../chat/refs.ts';
import type { PrismaClient } from './connect.ts';

export interface EventDeduplicator {
  firstTime(platform: Platform, eventId: string): Promise<boolean>;
}

export function processedEvents(prisma: PrismaClient): EventDeduplicator {
  return {
    async firstTime(platform, eventId) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO "ProcessedEvent" ("platform", "eventId") VALUES (${platform}::"Platform", ${eventId})
        ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },
  };
}
