// The Mattermost adapter: @mattermost/client's Client4 for REST v4 and WebSocketClient for
// events, plus a small callback server for the slash command, button presses and dialogs.
// It turns Mattermost's shapes into ChatEvents and views into posts; no business rule here.
// See docs/platforms/mattermost.md for the server-side set-up.
import type { ChatAdapter, ChatClient, CommandTable, EventSink, Logger } from '../../chat/index.ts';
import { errorFields } from '../../chat/index.ts';
import type { MattermostConfig } from '../../config.ts';
import type { HttpRoute } from '../../lifecycle/health.ts';
import { actionKey } from './action-mac.ts';
import { mattermostCapabilities } from './capabilities.ts';
import { createMattermostClient, DirectChannels, type MattermostSession } from './mattermost-client.ts';
import { registerCommands } from './mattermost-commands.ts';
import { type DispatchDeps, onAction, onCommand, onDialog } from './mattermost-dispatch.ts';
import { actorOf } from './mattermost-events.ts';
import { mattermostAttachments } from './mattermost-files.ts';
import { PendingForms } from './mattermost-forms.ts';
import { createCallbackServer, mattermostPaths } from './mattermost-http.ts';
import { createReply } from './mattermost-reply.ts';
import { MattermostRest } from './mattermost-rest.ts';
import { createSocket, type SocketPost } from './mattermost-socket.ts';
import { createWorkspaceResolver } from './mattermost-workspace.ts';

export { mattermostPaths } from './mattermost-http.ts';

export interface MattermostAdapterOptions {
  readonly config: MattermostConfig;
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly logger: Logger;
  /** GET routes served beside the callbacks (/livez, /readyz). */
  readonly httpRoutes?: readonly HttpRoute[];
  /** How long `start` waits for the WebSocket. */
  readonly connectTimeoutMs?: number;
  /** How long `stop` waits for handlers still running. */
  readonly drainTimeoutMs?: number;
}

export interface MattermostAdapter extends ChatAdapter {
  /** Once started: the port the callback server listens on. */
  httpPort(): number | undefined;
}

const meSchema = (raw: unknown): string => {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
  if (typeof id !== 'string' || id === '')
    throw new Error('Mattermost did not say who the bot is (GET /users/me)');
  return id;
};

/** A `ChatAdapter` (src/chat/adapter.ts says what start and stop promise). */
export function createMattermostAdapter(options: MattermostAdapterOptions): MattermostAdapter {
  const { config, logger } = options;
  const rest = new MattermostRest(config.url, config.token);
  const key = actionKey(config.actionSecret, config.token);
  let botUserId = '';
  const session: MattermostSession = {
    rest,
    render: { actionUrl: `${config.callbackUrl}${mattermostPaths.action}`, key },
    botUserId: () => botUserId,
    ephemeral: new Set(),
  };
  const directs = new DirectChannels();
  const forms = new PendingForms();
  const tokens = new Set<string>(config.commandToken ? [config.commandToken] : []);
  const deps: DispatchDeps = {
    session,
    directs,
    forms,
    logger,
    dialogUrl: `${config.callbackUrl}${mattermostPaths.dialog}`,
    sink: options.sink,
    table: options.table,
    key,
    commandTokens: () => tokens,
    workspaceOf: createWorkspaceResolver(rest, () => botUserId),
  };

  const running = new Set<Promise<void>>();
  let accepting = false;
  let port: number | undefined;
  function schedule(work: () => Promise<void>): void {
    if (!accepting) return;
    const job = work()
      .catch((error: unknown) =>
        logger.error(
          { event: 'mattermost.event.failed', err: errorFields(error) },
          'could not handle a Mattermost event',
        ),
      )
      .finally(() => running.delete(job));
    running.add(job);
  }

  async function directMessage(post: SocketPost) {
    if (post.user_id === botUserId || post.type !== '') return;
    const workspaceId = await deps.workspaceOf(post.user_id);
    const reply = createReply({ workspaceId, userId: post.user_id, isDirect: true }, deps);
    await options.sink(
      {
        kind: 'direct-message',
        eventId: `post:${post.id}`,
        actor: actorOf(workspaceId, post.user_id),
        place: { channelId: post.channel_id, isDirect: true },
        text: post.message,
        ...(post.metadata?.files?.length
          ? { attachments: mattermostAttachments(rest, post.metadata.files) }
          : {}),
      },
      reply,
    );
  }

  async function userAdded(channelId: string, userId: string, teamId: string, seq: number) {
    if (userId === botUserId) return;
    const workspaceId = teamId || (await deps.workspaceOf(userId));
    const reply = createReply({ workspaceId, userId, channelId, isDirect: false, privateAsDm: true }, deps);
    await options.sink(
      {
        kind: 'member-joined',
        eventId: `joined:${channelId}:${userId}:${seq}`,
        actor: actorOf(workspaceId, userId),
        place: { channelId, isDirect: false },
        channelId,
      },
      reply,
    );
  }

  const socket = createSocket(
    config.url,
    config.token,
    {
      directMessage: (post) => schedule(() => directMessage(post)),
      userAdded: (channelId, userId, teamId, seq) =>
        schedule(() => userAdded(channelId, userId, teamId, seq)),
    },
    logger,
  );
  const server = createCallbackServer({
    routes: {
      [mattermostPaths.command]: (body) => onCommand(body, deps),
      [mattermostPaths.action]: (body) => onAction(body, deps),
      [mattermostPaths.dialog]: (body) => onDialog(body, deps),
    },
    getRoutes: options.httpRoutes ?? [],
    schedule,
  });
  const client: ChatClient = createMattermostClient(session, directs);

  return {
    platform: 'mattermost',
    client,
    capabilities: mattermostCapabilities,
    async start() {
      accepting = true;
      let listening = false;
      try {
        botUserId = meSchema(await rest.getMe());
        for (const token of await registerCommands(
          rest,
          {
            trigger: options.table.root.name,
            url: `${config.callbackUrl}${mattermostPaths.command}`,
            description: options.table.root.description,
          },
          logger,
        ))
          tokens.add(token);
        if (tokens.size === 0) {
          logger.warn(
            { event: 'mattermost.command.none' },
            `no /${options.table.root.name} command is usable: let the bot manage slash commands, or set MATTERMOST_COMMAND_TOKEN`,
          );
        }
        port = await server.listen(config.port);
        listening = true;
        await socket.connect(options.connectTimeoutMs ?? 30_000);
      } catch (error) {
        accepting = false;
        socket.close();
        if (listening) await server.close();
        throw error;
      }
    },
    async stop() {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, options.drainTimeoutMs ?? 5_000);
        }),
      ]);
      clearTimeout(timer);
      socket.close();
      await server.close();
      forms.clear();
    },
    connected: () => accepting && socket.connected(),
    httpPort: () => port,
  };
}
