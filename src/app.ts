// Composition: storage -> features -> command table -> router -> adapters -> outbox worker ->
// scheduler. main.ts reads config and calls startApp; tests call it with their own config.
import { hostname } from 'node:os';
import { createDiscordAdapter } from './adapters/discord/index.ts';
import { createShellAdapter } from './adapters/shell/index.ts';
import { createSlackAdapter } from './adapters/slack/index.ts';
import { type ChatAdapter, createCommandTable, createRouter, type Platform } from './chat/index.ts';
import type { Config } from './config.ts';
import { processedEvents } from './db/index.ts';
import { createAdminFeature } from './features/admin/index.ts';
import { composeFeatures } from './features/compose-features.ts';
import type { Feature, FeatureDeps } from './features/feature.ts';
import { createResourcesFeature } from './features/resources/index.ts';
import { createTeamsFeature, homeView } from './features/teams/index.ts';
import type { Logger } from './logger.ts';
import { openStorage, type Storage } from './open-storage.ts';
import { type Clock, createOutboxWorker, createScheduler, systemClock } from './scheduling/index.ts';

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** `shell`: the terminal playground even when platforms are configured. */
  readonly mode?: 'auto' | 'shell';
  readonly stdio?: { readonly input: NodeJS.ReadableStream; readonly output: NodeJS.WritableStream };
  readonly clock?: Clock;
  /** An already opened and migrated database (tests pass a clone); default: openStorage(config). */
  readonly storage?: Storage;
  /** The features to run; default: featureList. Tests pass their own list. */
  readonly features?: (deps: FeatureDeps) => Feature[];
}

export interface RunningApp {
  readonly storage: Storage;
  readonly adapters: readonly ChatAdapter[];
  /** Resolves when the shell playground closes (never, when there is no shell). */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The features, in the order help and App Home list them. Adding a feature is one line here;
 * features that need each other get a port (features/ports.ts) from an earlier line.
 */
export function featureList(deps: FeatureDeps): Feature[] {
  const { prisma, config, clock, notifyOutbox } = deps;
  // resources.crisisLines is the CrisisLinesPort for check-ins and flags.
  const resources = createResourcesFeature(deps);
  return [
    createTeamsFeature({ prisma, defaults: config.defaults }),
    createAdminFeature({ prisma, clock, notifyOutbox }),
    resources,
  ];
}

export function buildFeatures(deps: FeatureDeps, list: (deps: FeatureDeps) => Feature[] = featureList) {
  const composed = composeFeatures(list(deps), deps.logger);
  const table = createCommandTable({ groups: [...composed.groups], commands: [...composed.commands] });
  return { composed, table };
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const instanceId = config.instanceId ?? `${hostname()}-${process.pid}`;
  const storage = options.storage ?? (await openStorage(config, logger));
  const prisma = storage.db.prisma;

  const adapters = new Map<Platform, ChatAdapter>();
  const worker = createOutboxWorker({
    prisma,
    cipher: storage.cipher,
    clientFor: (platform) => adapters.get(platform)?.client,
    instanceId,
    clock,
    logger: logger.child({ component: 'outbox' }),
  });
  const { composed, table } = buildFeatures(
    {
      prisma,
      cipher: storage.cipher,
      clock,
      config,
      logger: logger.child({ component: 'features' }),
      notifyOutbox: () => worker.notify(),
      clientFor: (platform) => adapters.get(platform)?.client,
    },
    options.features,
  );
  const sink = createRouter({
    table,
    actions: composed.actions,
    forms: composed.forms,
    ...(composed.memberJoined ? { memberJoined: composed.memberJoined } : {}),
    ...(composed.directMessage ? { directMessage: composed.directMessage } : {}),
    ...(composed.rolesOf ? { rolesOf: composed.rolesOf } : {}),
    dedupe: processedEvents(prisma),
    logger: logger.child({ component: 'router' }),
  });

  let finished: Promise<void> = new Promise(() => {});
  const wantShell = options.mode === 'shell' || (!config.slack && !config.discord);
  if (wantShell) {
    const shell = createShellAdapter({
      input: options.stdio?.input ?? process.stdin,
      output: options.stdio?.output ?? process.stdout,
      table,
      sink,
      logger: logger.child({ component: 'shell' }),
    });
    adapters.set('shell', shell);
    finished = shell.closed;
  } else {
    if (config.slack) {
      adapters.set(
        'slack',
        createSlackAdapter({
          config: config.slack,
          port: config.port,
          table,
          sink,
          logger: logger.child({ component: 'slack' }),
          homeView: async (actor) => {
            const base = await homeView(prisma, actor);
            return { ...base, blocks: [...base.blocks, ...(await composed.home(actor))] };
          },
        }),
      );
    }
    if (config.discord) {
      adapters.set(
        'discord',
        createDiscordAdapter({
          config: config.discord,
          table,
          sink,
          logger: logger.child({ component: 'discord' }),
        }),
      );
    }
  }

  const scheduler = createScheduler({
    prisma,
    instanceId,
    handlers: composed.occurrences,
    jobs: composed.jobs,
    clock,
    logger: logger.child({ component: 'scheduler' }),
  });
  const started: ChatAdapter[] = [];
  try {
    for (const adapter of adapters.values()) {
      await adapter.start();
      started.push(adapter);
      logger.info(
        { event: 'adapter.started', platform: adapter.platform },
        `${adapter.platform} is connected`,
      );
    }
    worker.start();
    await scheduler.start();
  } catch (error) {
    await Promise.allSettled(started.map((adapter) => adapter.stop()));
    await worker.stop();
    await storage.db.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    storage,
    adapters: [...adapters.values()],
    finished,
    stop() {
      stopping ??= (async () => {
        await scheduler.stop();
        await worker.stop();
        await Promise.allSettled(started.map((adapter) => adapter.stop()));
        await storage.db.close();
        logger.info({ event: 'app.stopped' }, 'PeerBridge stopped');
      })();
      return stopping;
    },
  };
}
