// The router remembers the locale an event carries (a Discord interaction's, the shell's) on every
// such event: the usual case, the same locale as last time, must only read. The stored value is
// the cache, so every replica sees the same and none keeps its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/chat/events.ts';
import type { Database, PrismaClient } from '../../../src/db/index.ts';
import { rememberPlatformLocale } from '../../../src/features/teams/index.ts';
import { clonedDatabase } from '../../support/database.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());

const writes = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);

/** The real client, with every write it is asked for written down (`member.update`). */
function recordingWrites(prisma: PrismaClient): { client: PrismaClient; written: string[] } {
  const written: string[] = [];
  const client = new Proxy(prisma, {
    get(target, property, receiver) {
      const model: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof model !== 'object' || model === null) return model;
      return new Proxy(model, {
        get(delegate, method, delegateReceiver) {
          const call: unknown = Reflect.get(delegate, method, delegateReceiver);
          if (typeof method !== 'string' || typeof call !== 'function' || !writes.has(method)) return call;
          return (...args: unknown[]) => {
            written.push(`${property}.${method}`);
            return Reflect.apply(call, delegate, args);
          };
        },
      });
    },
  });
  return { client, written };
}

let made = 0;
const someone = (locale: string): Actor => ({
  platform: 'discord',
  workspaceId: 'G-locale',
  userId: `U-locale-${++made}`,
  displayName: `person${made}`,
  locale,
});

describe('remembering an event’s locale', () => {
  it('only reads when the stored locale is the same', async () => {
    const actor = someone('es-MX');
    await rememberPlatformLocale(db.prisma, actor);
    const { client, written } = recordingWrites(db.prisma);
    await rememberPlatformLocale(client, actor);
    await rememberPlatformLocale(client, actor);
    expect(written).toEqual([]);
  });

  it('writes the new locale when it changed, and then reads only again', async () => {
    const actor = someone('es-MX');
    await rememberPlatformLocale(db.prisma, actor);
    const { client, written } = recordingWrites(db.prisma);
    await rememberPlatformLocale(client, { ...actor, locale: 'en-GB' });
    expect(written).toEqual(['member.update']);
    await rememberPlatformLocale(client, { ...actor, locale: 'en-GB' });
    expect(written).toEqual(['member.update']);
    const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: actor.userId } });
    expect(member.platformLocale).toBe('en-GB');
  });

  it('meets someone new and keeps their locale', async () => {
    const actor = someone('es-419');
    await rememberPlatformLocale(db.prisma, actor);
    const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: actor.userId } });
    expect(member.platformLocale).toBe('es-419');
  });
});
