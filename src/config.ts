// Every setting, parsed once with zod. Nothing else in the app reads process.env: the
// composition root passes the parsed Config down. Documented in .env.example.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { validate as validCron } from 'node-cron';
import { z } from 'zod';
import { tagOfPosixLocale } from './i18n/languages.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value), {
      message: `must be a full URL for ${what}, like http://127.0.0.1:3001/api`,
    });

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || value.startsWith('memory://') || /^postgres(ql)?:\/\//.test(value), {
    message:
      'must be empty (embedded database in DATA_DIR), memory:// (in-memory, lost on exit), or postgres://user@host:5432/db',
  })
  .transform((value) => (value === '' ? undefined : value));

const encryptionKey = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return undefined;
    const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (bytes.length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be 32 bytes as 64 hex characters or base64; make one with `openssl rand -base64 32`',
      });
      return z.NEVER;
    }
    return bytes;
  });

// Keys that only decrypt, during a key rotation (docs/operations.md): comma-separated.
const oldEncryptionKeys = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const keys: Buffer[] = [];
    for (const part of value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const bytes = /^[0-9a-fA-F]{64}$/.test(part) ? Buffer.from(part, 'hex') : Buffer.from(part, 'base64');
      if (bytes.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a comma-separated list of 32-byte keys (64 hex characters or base64 each)',
        });
        return z.NEVER;
      }
      keys.push(bytes);
    }
    return keys;
  });

const port = z.coerce
  .number({ message: 'must be a port number like 3000' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const retentionDays = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a number of days, like 30' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
      .default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    LOG_FORMAT: z
      .enum(['auto', 'json', 'pretty'], { message: 'must be auto, json or pretty' })
      .default('auto'),
    DATABASE_URL: databaseUrl.optional(),
    DATA_DIR: z.string().trim().min(1, 'must be a folder path').default('./data'),
    ENCRYPTION_KEY: encryptionKey.optional(),
    PORT: port.default(3000),
    INSTANCE_ID: optionalText,
    DEFAULT_TIME_ZONE: z
      .string()
      .trim()
      .refine((zone) => isTimeZone(zone), {
        message: 'must be an IANA time zone like Europe/Berlin or America/New_York',
      })
      .default('UTC'),
    DEFAULT_CRISIS_REGION: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a region code like US, GB or US-TX')
      .default('US'),
    FLAG_RETENTION_DAYS: z.coerce
      .number({ message: 'must be a number of days like 90' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(3650, 'must be at most 3650 days (ten years)')
      .default(90),
    RESOURCE_STALE_DAYS: z.coerce
      .number({ message: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(3650, 'must be at most 3650 days')
      .default(180),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'must be a bot token starting with xoxb-',
    }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'must be an app-level token starting with xapp- (Socket Mode)',
    }),
    SLACK_API_URL: url('the Slack Web API').optional(),
    SLACK_SOCKET_PING_TIMEOUT_MS: z.coerce
      .number({ message: 'must be a number of milliseconds like 5000' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be at least 100')
      .max(60_000, 'must be at most 60000 (a minute)')
      .optional(),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be the numeric application id from the Discord developer portal',
    }),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be a numeric server (guild) id',
    }),
    DISCORD_API_URL: url('the Discord REST API').optional(),
    MATTERMOST_URL: url('your Mattermost server').optional(),
    MATTERMOST_TOKEN: optionalText,
    MATTERMOST_CALLBACK_URL: url('where Mattermost reaches PeerBridge').optional(),
    MATTERMOST_PORT: port.optional(),
    MATTERMOST_COMMAND_TOKEN: optionalText,
    MATTERMOST_ACTION_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters (make one with `openssl rand -base64 32`)',
    }),
    PROCESSED_EVENT_RETENTION_DAYS: retentionDays(7),
    SENT_OUTBOX_RETENTION_DAYS: retentionDays(30),
    // Production operations (docs/operations.md).
    HEALTH_PORT: port.optional(),
    SHUTDOWN_GRACE_MS: z.coerce
      .number({ message: 'must be a number of milliseconds like 10000' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 or more')
      .max(600_000, 'must be at most 600000 (ten minutes)')
      .default(10_000),
    ENCRYPTION_KEYS_OLD: oldEncryptionKeys.optional(),
    OUTBOX_LOCK_MS: z.coerce
      .number({ message: 'must be a number of milliseconds like 12000' })
      .int('must be a whole number of milliseconds')
      .min(1_000, 'must be at least 1000')
      .max(3_600_000, 'must be at most 3600000 (an hour)')
      .default(12_000),
    SCHEDULER_CRON: z
      .string()
      .trim()
      .refine((expression) => expression === '' || validCron(expression), {
        message:
          "must be a cron expression like '* * * * *' (every minute) or '*/10 * * * * *' (every 10 seconds)",
      })
      .optional(),
    AUDIT_RETENTION_DAYS: z.coerce
      .number({ message: 'must be a number of days like 2190' })
      .int('must be a whole number of days')
      .min(0, 'must be 0 (keep forever) or more')
      .max(36_500, 'must be at most 36500')
      .refine((days) => days === 0 || days >= 30, {
        message: 'must be 0 (keep forever) or at least 30 days, so recent reads stay answerable',
      })
      .default(2190),
    // What people said in check-ins is wellbeing data: kept a year by default, long enough for
    // a year's rhythm of rounds and any follow-up, not for ever. The figures (answered, skipped,
    // how many items to whom) stay. 0 keeps answers until each member erases their own; never
    // under 60 days, so the eight-week insights and recent digests stay whole.
    CHECKIN_ANSWER_RETENTION_DAYS: z.coerce
      .number({ message: 'must be a number of days like 365' })
      .int('must be a whole number of days')
      .min(0, 'must be 0 (keep) or more')
      .max(36_500, 'must be at most 36500')
      .refine((days) => days === 0 || days >= 60, {
        message: 'must be 0 (keep) or at least 60 days, so the eight-week insights stay whole',
      })
      .default(365),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is needed with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is needed when other SLACK_ variables are set',
      });
    }
    if (env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) && !env.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message:
          'is needed with a PostgreSQL DATABASE_URL, so every replica reads private text with the same key; make one with `openssl rand -base64 32` and keep it safe',
      });
    }
    if (env.MATTERMOST_URL && !env.MATTERMOST_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['MATTERMOST_TOKEN'],
        message: "is needed with MATTERMOST_URL: the bot account's access token",
      });
    }
    if (env.MATTERMOST_TOKEN && !env.MATTERMOST_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MATTERMOST_URL'],
        message: 'is needed with MATTERMOST_TOKEN: your server, like https://chat.example.org',
      });
    }
    if (env.MATTERMOST_URL && !env.MATTERMOST_CALLBACK_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MATTERMOST_CALLBACK_URL'],
        message:
          'is needed with MATTERMOST_URL: the address Mattermost calls for /peer, buttons and forms, like http://peerbridge:3000',
      });
    }
    const slackHttp = env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN;
    if (env.MATTERMOST_URL && slackHttp && (env.MATTERMOST_PORT ?? env.PORT) === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['MATTERMOST_PORT'],
        message: 'must differ from PORT while Slack listens there in HTTP mode (or use Slack Socket Mode)',
      });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is needed with DISCORD_TOKEN',
      });
    }
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.input<typeof envSchema>;

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly apiUrl?: string;
  /**
   * Socket Mode: Bolt's `clientPingTimeout`, the pause before reconnecting a dropped socket and
   * the longest time since Slack's last pong before the socket counts as dead. Unset: Bolt's
   * 5 s. Bolt pings every 5 s, so less than that drops a healthy socket every other ping: only
   * tests set less, to see a reconnect in half a second instead of five.
   */
  readonly socketPingTimeoutMs?: number;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId?: string;
  readonly apiUrl?: string;
}

export interface MattermostConfig {
  readonly url: string;
  /** The bot account's access token. */
  readonly token: string;
  /** Where Mattermost reaches PeerBridge: slash command, button and dialog callbacks go here. */
  readonly callbackUrl: string;
  /** Where the callback server listens (PORT unless set). 0 picks a free port (tests). */
  readonly port: number;
  /** The token of a /peer command made by hand; commands the bot registers bring their own. */
  readonly commandToken?: string;
  /** Keys the MAC on button callbacks; absent: derived from the bot token. */
  readonly actionSecret?: string;
}

export type DatabaseTarget =
  | { readonly kind: 'pglite-dir'; readonly dataDir: string }
  | { readonly kind: 'pglite-memory' }
  | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly log: {
    readonly level: string;
    readonly format: 'auto' | 'json' | 'pretty';
    /** LOG_LEVEL was given, rather than defaulted (the shell playground then keeps it). */
    readonly levelGiven: boolean;
  };
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /**
   * The terminal's language for the shell playground (LC_ALL, else LC_MESSAGES, else LANG), as a
   * BCP 47 tag: the playground's people read PeerBridge in it unless they chose otherwise.
   */
  readonly shellLocale?: string;
  /** Absent: the embedded default makes and keeps a key file in dataDir. */
  readonly encryptionKey?: Buffer;
  /** Earlier keys, kept only to decrypt until `npm run keys:rotate` has re-encrypted everything. */
  readonly oldEncryptionKeys: readonly Buffer[];
  readonly port: number;
  /** A port for /healthz and /readyz when no HTTP server of a platform serves them. */
  readonly healthPort?: number;
  /** How long SIGTERM waits for in-flight handlers and sends before closing anyway. */
  readonly shutdownGraceMs: number;
  /** How long an outbox claim holds a row: a dead replica's rows return to the others after it. */
  readonly outboxLockMs: number;
  /** When the scheduler looks for due occurrences (node-cron); unset: every minute. */
  readonly schedulerCron?: string;
  readonly instanceId?: string;
  readonly defaults: { readonly timeZone: string; readonly crisisRegion: string };
  /** Days after which flag notes and follow-up notes are erased (levels and times stay). */
  readonly flagRetentionDays: number;
  /** Resources not verified for `staleDays` are listed to admins once a month. */
  readonly resources: { readonly staleDays: number };
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  readonly mattermost?: MattermostConfig;
  /** How long delivery bookkeeping is kept before the daily prune (admin feature's job). */
  readonly retention: {
    /** De-duplication rows of platform deliveries (retries come within minutes). */
    readonly processedEventDays: number;
    /** Sent outbox rows keep their metadata; their payload (maybe private) is cleared after this. */
    readonly sentOutboxDays: number;
    /** Days an audit entry is kept; 0 keeps them forever. */
    readonly auditDays: number;
    /** Days until a check-in answer's text is erased (counts stay); 0 keeps it. */
    readonly checkinAnswerDays: number;
  };
}

/** `scheme://user:password@host` -> `scheme://user:***@host`: a config message never shows a password. */
export function redactUrlPasswords(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s"]*):[^@/?#\s"]*@/gi, '$1:***@');
}

/** Thrown when the environment is wrong: one line per problem, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      // Problems are redacted where they are made; this is the safety net for any added later.
      redactUrlPasswords(
        `PeerBridge cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix them in your environment or .env file (see .env.example).`,
      ),
    );
    this.name = 'ConfigError';
  }
}

/** `NAME=` (as .env.example writes an unset variable) means "use the default", not "empty". */
function withoutBlanks(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''),
  );
}

/** POSIX precedence: LC_ALL over LC_MESSAGES over LANG; `C`/`POSIX` say nothing. */
function shellLocaleOf(env: Readonly<Record<string, string | undefined>>): { shellLocale?: string } {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => (v ?? '').trim() !== '');
  const tag = tagOfPosixLocale(posix);
  return tag ? { shellLocale: tag } : {};
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      const given = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
      const shown = given === undefined || /TOKEN|SECRET|KEY/.test(name) ? '' : ` (got "${given}")`;
      return redactUrlPasswords(`${name} ${issue.message}${shown}`);
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const database: DatabaseTarget =
    e.DATABASE_URL === undefined
      ? { kind: 'pglite-dir', dataDir: e.DATA_DIR }
      : e.DATABASE_URL.startsWith('memory://')
        ? { kind: 'pglite-memory' }
        : { kind: 'postgres', url: e.DATABASE_URL };
  return {
    env: e.NODE_ENV,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT, levelGiven: (env.LOG_LEVEL ?? '').trim() !== '' },
    dataDir: e.DATA_DIR,
    database,
    ...shellLocaleOf(env),
    ...(e.ENCRYPTION_KEY ? { encryptionKey: e.ENCRYPTION_KEY } : {}),
    oldEncryptionKeys: e.ENCRYPTION_KEYS_OLD ?? [],
    port: e.PORT,
    ...(e.HEALTH_PORT === undefined ? {} : { healthPort: e.HEALTH_PORT }),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    outboxLockMs: e.OUTBOX_LOCK_MS,
    ...(e.SCHEDULER_CRON ? { schedulerCron: e.SCHEDULER_CRON } : {}),
    ...(e.INSTANCE_ID ? { instanceId: e.INSTANCE_ID } : {}),
    defaults: { timeZone: e.DEFAULT_TIME_ZONE, crisisRegion: e.DEFAULT_CRISIS_REGION },
    retention: {
      processedEventDays: e.PROCESSED_EVENT_RETENTION_DAYS,
      sentOutboxDays: e.SENT_OUTBOX_RETENTION_DAYS,
      auditDays: e.AUDIT_RETENTION_DAYS,
      checkinAnswerDays: e.CHECKIN_ANSWER_RETENTION_DAYS,
    },
    flagRetentionDays: e.FLAG_RETENTION_DAYS,
    resources: { staleDays: e.RESOURCE_STALE_DAYS },
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
            ...(e.SLACK_SOCKET_PING_TIMEOUT_MS === undefined
              ? {}
              : { socketPingTimeoutMs: e.SLACK_SOCKET_PING_TIMEOUT_MS }),
          },
        }
      : {}),
    ...(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
            ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
          },
        }
      : {}),
    ...(e.MATTERMOST_URL && e.MATTERMOST_TOKEN && e.MATTERMOST_CALLBACK_URL
      ? {
          mattermost: {
            url: e.MATTERMOST_URL.replace(/\/+$/, ''),
            token: e.MATTERMOST_TOKEN,
            callbackUrl: e.MATTERMOST_CALLBACK_URL.replace(/\/+$/, ''),
            port: e.MATTERMOST_PORT ?? e.PORT,
            ...(e.MATTERMOST_COMMAND_TOKEN ? { commandToken: e.MATTERMOST_COMMAND_TOKEN } : {}),
            ...(e.MATTERMOST_ACTION_SECRET ? { actionSecret: e.MATTERMOST_ACTION_SECRET } : {}),
          },
        }
      : {}),
  };
}

/**
 * The environment with a `.env` file under it: variables already set in the environment win,
 * so a deployment can always override the file. A missing file is no error.
 */
export function withDotEnv(
  env: Readonly<Record<string, string | undefined>>,
  path = '.env',
): Readonly<Record<string, string | undefined>> {
  if (!existsSync(path)) return env;
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}

/** The settings that are secrets: each may instead be read from the file `<NAME>_FILE` names. */
export const SECRET_SETTINGS = [
  'DATABASE_URL',
  'ENCRYPTION_KEY',
  'ENCRYPTION_KEYS_OLD',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'MATTERMOST_TOKEN',
  'MATTERMOST_COMMAND_TOKEN',
  'MATTERMOST_ACTION_SECRET',
] as const;

/**
 * The environment with each `<NAME>_FILE` read into `<NAME>` (Docker and Kubernetes secrets are
 * files; docs/deploy.md). The file's trailing newline is dropped. Setting both is refused, so
 * nobody wonders which one is in force; an unreadable file is named, its content never is.
 */
export function withSecretFiles(
  env: Readonly<Record<string, string | undefined>>,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Readonly<Record<string, string | undefined>> {
  const problems: string[] = [];
  const out: Record<string, string | undefined> = { ...env };
  for (const name of SECRET_SETTINGS) {
    const path = env[`${name}_FILE`]?.trim();
    if (!path) continue;
    if (env[name]?.trim()) {
      problems.push(`${name} and ${name}_FILE are both set: keep one`);
      continue;
    }
    try {
      out[name] = read(path).replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE: cannot read the file ${path}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}
