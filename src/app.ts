// Composition: storage -> features -> command table -> router -> adapters -> outbox worker ->
// scheduler. main.ts reads config and calls startApp; tests call it with their own config.
import { hostname, tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { createAccess, privateDeliveryCheck } from './access/index.ts';
import { createShellAdapter } from './adapters/shell/index.ts';
import {
  type ChatAdapter,
  type ChatClient,
  type CommandTable,
  createCommandTable,
  createRouter,
  type EventSink,
  type Platform,
} from './chat/index.ts';
import type { Config } from './config.ts';
import { processedEvents } from './db/index.ts';
import { createAdminFeature } from './features/admin/index.ts';
import { createCheckinsFeature, rosterPort } from './features/checkins/index.ts';
import { composeFeatures } from './features/compose-features.ts';
import type { Feature, FeatureDeps } from './features/feature.ts';
import { createFlagsFeature, flagRoutingPort } from './features/flags/index.ts';
import { createPlansFeature, planStepsPort } from './features/plans/index.ts';
import { createPrivacyFeature } from './features/privacy/index.ts';
import { privacyPorts } from './features/privacy/ports.ts';
import { createResourcesFeature } from './features/resources/index.ts';
import { createSelfCareFeature } from './features/selfcare/index.ts';
import { createSupervisionFeature } from './features/supervision/index.ts';
import {
  createTeamsFeature,
  homeView,
  rememberPlatformLocale,
  translatorForActor,
} from './features/teams/index.ts';
import { createLifecycle, type Lifecycle } from './lifecycle/index.ts';
import type { Logger } from './logger.ts';
import { openStorage, type Storage } from './open-storage.ts';
import {
  type Clock,
  createOutbox,
  createOutboxWorker,
  createScheduler,
  type OutboxWorker,
  type Scheduler,
  systemClock,
} from './scheduling/index.ts';

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
  readonly lifecycle: Lifecycle;
  /** Resolves when the shell playground closes (never, when there is no shell). */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The features, in the order help and App Home list them. Adding a feature is one line here;
 * features that need each other get a port (features/ports.ts) from an earlier line.
 */
export function featureList(deps: FeatureDeps): Feature[] {
  const { prisma, config, clock, notifyOutbox, cipher, logger, clientFor } = deps;
  const planSteps = planStepsPort({ prisma, cipher });
  // The resources feature's store answers "the crisis lines for a region" for check-ins and flags.
  const resources = createResourcesFeature(deps);
  const crisisLines = resources.crisisLines;
  // The privacy feature exports and erases every feature's data: it reads this very list.
  const features: Feature[] = [
    createTeamsFeature({
      prisma,
      access: deps.access,
      defaults: config.defaults,
      clientFor: deps.clientFor,
      roster: rosterPort({ prisma, clientFor, clock, logger }),
      flagRouting: flagRoutingPort({ cipher, clock, notifyOutbox }),
    }),
    createAdminFeature({
      prisma,
      clock,
      notifyOutbox,
      access: deps.access,
      retention: config.retention,
    }),
    resources,
    createCheckinsFeature({ ...deps, crisisLines, planSteps }),
    createFlagsFeature({
      access: deps.access,
      prisma,
      cipher,
      clock,
      config,
      logger,
      notifyOutbox,
      ports: { crisisLines, planSteps },
    }),
    createPlansFeature({ prisma, cipher, clock, notifyOutbox, clientFor }),
    createSelfCareFeature({
      prisma,
      cipher,
      clock,
      notifyOutbox,
      defaultTimeZone: config.defaults.timeZone,
      planSteps,
      crisisLines,
      defaultCrisisRegion: config.defaults.crisisRegion,
    }),
    createSupervisionFeature({ ...deps, outbox: createOutbox(deps.cipher, notifyOutbox) }),
    createPrivacyFeature({ ...privacyPorts(deps), features: () => features }),
  ];
  return features;
}

export function buildFeatures(deps: FeatureDeps, list: (deps: FeatureDeps) => Feature[] = featureList) {
  const composed = composeFeatures(list(deps), deps.logger);
  const table = createCommandTable({ groups: [...composed.groups], commands: [...composed.commands] });
  return { composed, table };
}

/** What every adapter and the outbox share: built once, before any adapter exists. */
interface Core {
  readonly composed: ReturnType<typeof buildFeatures>['composed'];
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly worker: OutboxWorker;
  readonly scheduler: Scheduler;
  readonly lifecycle: Lifecycle;
}

function createCore(
  options: StartOptions,
  storage: Storage,
  clock: Clock,
  clientFor: (platform: Platform) => ChatClient | undefined,
  lifecycle: Lifecycle,
): Core {
  const { config, logger } = options;
  const instanceId = config.instanceId ?? `${hostname()}-${process.pid}`;
  const prisma = storage.db.prisma;
  const worker = createOutboxWorker({
    prisma,
    cipher: storage.cipher,
    clientFor,
    instanceId,
    clock,
    lockMs: config.outboxLockMs,
    logger: logger.child({ component: 'outbox' }),
    onDelivery: lifecycle.metrics.delivery,
    // Every private delivery is asked about again just before it goes (src/access).
    privateDeliveries: privateDeliveryCheck(prisma),
  });
  // The one access policy: features ask it about rows, the router about every event's verb.
  const access = createAccess({ prisma, clientFor });
  const { composed, table } = buildFeatures(
    {
      access,
      prisma,
      cipher: storage.cipher,
      clock,
      config,
      logger: logger.child({ component: 'features' }),
      notifyOutbox: () => worker.notify(),
      clientFor,
    },
    options.features,
  );
  // lifecycle.track: SIGTERM waits for the events being handled (src/lifecycle/shutdown.ts).
  const sink = lifecycle.track(
    createRouter({
      table,
      actions: composed.actions,
      forms: composed.forms,
      ...(composed.memberJoined ? { memberJoined: composed.memberJoined } : {}),
      ...(composed.directMessage ? { directMessage: composed.directMessage } : {}),
      access: access.port,
      verbs: composed.verbs,
      rememberLocale: (actor) => rememberPlatformLocale(prisma, actor),
      translatorFor: (event) =>
        translatorForActor(
          prisma,
          event.actor,
          event.place.isDirect ? {} : { channelId: event.place.channelId },
        ),
      dedupe: processedEvents(prisma),
      logger: logger.child({ component: 'router' }),
    }),
  );
  const scheduler = createScheduler({
    prisma,
    instanceId,
    handlers: composed.occurrences,
    jobs: composed.jobs,
    clock,
    ...(config.schedulerCron ? { cron: config.schedulerCron } : {}),
    logger: logger.child({ component: 'scheduler' }),
  });
  return { composed, table, sink, worker, scheduler, lifecycle };
}

/**
 * The platform adapters this config asks for. Each SDK is imported only here, only when its
 * platform is configured: @slack/bolt, discord.js and @mattermost/client together cost about 60 MB and half a
 * second of start-up that the shell playground would never use.
 */
async function createPlatformAdapters(options: StartOptions, core: Core, storage: Storage) {
  const { config, logger } = options;
  const { table, sink, composed } = core;
  const created: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('./adapters/slack/index.ts');
    created.push(
      createSlackAdapter({
        config: config.slack,
        port: config.port,
        table,
        sink,
        httpRoutes: core.lifecycle.health.routes,
        logger: logger.child({ component: 'slack' }),
        homeView: async (actor) => {
          const base = await homeView(storage.db.prisma, actor);
          return { ...base, blocks: [...base.blocks, ...(await composed.home(actor))] };
        },
      }),
    );
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.ts');
    created.push(
      createDiscordAdapter({
        config: config.discord,
        table,
        sink,
        logger: logger.child({ component: 'discord' }),
      }),
    );
  }
  if (config.mattermost) {
    const { createMattermostAdapter } = await import('./adapters/mattermost/index.ts');
    const slackServesHealth = config.slack !== undefined && config.slack.appToken === undefined;
    created.push(
      createMattermostAdapter({
        config: config.mattermost,
        table,
        sink,
        ...(slackServesHealth ? {} : { httpRoutes: core.lifecycle.health.routes }),
        logger: logger.child({ component: 'mattermost' }),
      }),
    );
  }
  return created;
}

/** The shell playground, or the configured platforms; `finished` resolves when the shell closes. */
async function createAdapters(
  options: StartOptions,
  core: Core,
  storage: Storage,
): Promise<{ adapters: ChatAdapter[]; finished: Promise<void> }> {
  const { config, logger } = options;
  const wantShell = options.mode === 'shell' || (!config.slack && !config.discord && !config.mattermost);
  if (!wantShell) {
    return {
      adapters: await createPlatformAdapters(options, core, storage),
      finished: new Promise(() => {}),
    };
  }
  const shell = createShellAdapter({
    input: options.stdio?.input ?? process.stdin,
    output: options.stdio?.output ?? process.stdout,
    table: core.table,
    sink: core.sink,
    logger: logger.child({ component: 'shell' }),
    kept: keptWhere(config),
    filesDir: playgroundFilesDir(config),
    ...(config.shellLocale ? { locale: config.shellLocale } : {}),
    // Who is in which channel outlives a restart exactly when the data does.
    ...(config.database.kind === 'pglite-dir'
      ? { stateFile: join(resolvePath(config.dataDir), 'playground-people.json') }
      : {}),
  });
  return { adapters: [shell], finished: shell.closed };
}

/** Starts adapters, then the worker and the scheduler; on a failure stops what had started. */
async function startAll(
  adapters: readonly ChatAdapter[],
  core: Core,
  storage: Storage,
  logger: Logger,
): Promise<ChatAdapter[]> {
  const started: ChatAdapter[] = [];
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
      logger.info(
        { event: 'adapter.started', platform: adapter.platform },
        `${adapter.platform} is connected`,
      );
    }
    core.worker.start();
    await core.scheduler.start();
    await core.lifecycle.started();
    return started;
  } catch (error) {
    await Promise.allSettled(started.map((adapter) => adapter.stop()));
    await core.worker.stop();
    await storage.db.close();
    throw error;
  }
}

/** Stops in the reverse order of starting; safe to call more than once. */
function stopper(core: Core, started: readonly ChatAdapter[], logger: Logger) {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      await core.lifecycle.stop({ scheduler: core.scheduler, worker: core.worker, adapters: started });
      logger.info({ event: 'app.stopped' }, 'PeerBridge stopped');
    })();
    return stopping;
  };
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const storage = options.storage ?? (await openStorage(config, logger));
  const byPlatform = new Map<Platform, ChatAdapter>();
  const lifecycle = createLifecycle({ config, logger, storage, clock, adapters: () => byPlatform.values() });
  const core = createCore(options, storage, clock, (platform) => byPlatform.get(platform)?.client, lifecycle);
  const { adapters, finished } = await createAdapters(options, core, storage);
  for (const adapter of adapters) byPlatform.set(adapter.platform, adapter);
  const started = await startAll(adapters, core, storage, logger);
  return { storage, adapters, lifecycle, finished, stop: stopper(core, started, logger) };
}

/** Where the playground saves files the bot shares (exports): beside the data, or a temporary folder. */
export function playgroundFilesDir(config: Config): string {
  return config.database.kind === 'pglite-dir'
    ? join(resolvePath(config.dataDir), 'playground-files')
    : join(tmpdir(), 'peerbridge-playground-files');
}

/** Where the data is, in words for the playground's banner (it said ./data whatever DATA_DIR held). */
export function keptWhere(config: Config): string {
  switch (config.database.kind) {
    case 'pglite-dir':
      return `in the embedded database in ${resolvePath(config.dataDir)}`;
    case 'pglite-memory':
      return 'only in memory (DATABASE_URL=memory://), and gone when you leave';
    case 'postgres':
      return 'in the PostgreSQL database DATABASE_URL names';
  }
}
