import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withDotEnv, withSecretFiles } from '../src/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults to the embedded database in ./data with no platform', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite-dir', dataDir: './data' });
    expect(config.port).toBe(3000);
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.defaults).toEqual({ timeZone: 'UTC', crisisRegion: 'US' });
  });

  it('reads memory:// and postgres:// database URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'memory://' }).database).toEqual({ kind: 'pglite-memory' });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ENCRYPTION_KEY: 'a'.repeat(64) }).database,
    ).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
  });

  it('names every bad variable on its own line, in words a person can act on', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      ENCRYPTION_KEY: 'short',
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    });
    expect(found).toHaveLength(5);
    expect(found.find((p) => p.startsWith('PORT'))).toMatch(/port number/);
    expect(found.find((p) => p.startsWith('DATABASE_URL'))).toMatch(/memory:\/\/.*postgres:\/\//);
    expect(found.find((p) => p.startsWith('ENCRYPTION_KEY'))).toMatch(/32 bytes/);
    expect(found.find((p) => p.startsWith('ENCRYPTION_KEY'))).not.toMatch(/short/); // secrets are never echoed
    expect(found.find((p) => p.startsWith('DEFAULT_TIME_ZONE'))).toMatch(/IANA time zone/);
    expect(found.find((p) => p.startsWith('LOG_LEVEL'))).toMatch(/"loud"/);
  });

  it('explains which platform variables go together', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is needed/),
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'nope', SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with xoxb-$/),
    ]);
    expect(problems({ DISCORD_TOKEN: 't' })).toEqual([
      expect.stringMatching(/^DISCORD_APPLICATION_ID is needed/),
    ]);
  });

  it('accepts a full Slack and Discord set-up', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      DISCORD_TOKEN: 'abc',
      DISCORD_APPLICATION_ID: '123456789012345678',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
    expect(config.discord).toEqual({ token: 'abc', applicationId: '123456789012345678' });
  });

  it('reads a Mattermost set-up, and says which of its variables go together', () => {
    const config = loadConfig({
      MATTERMOST_URL: 'https://chat.example.org/',
      MATTERMOST_TOKEN: 'bot-token',
      MATTERMOST_CALLBACK_URL: 'http://peerbridge:3000/',
    });
    expect(config.mattermost).toEqual({
      url: 'https://chat.example.org',
      token: 'bot-token',
      callbackUrl: 'http://peerbridge:3000',
      port: 3000,
    });
    expect(problems({ MATTERMOST_URL: 'https://chat.example.org' })).toEqual([
      expect.stringMatching(/^MATTERMOST_TOKEN is needed/),
      expect.stringMatching(/^MATTERMOST_CALLBACK_URL is needed/),
    ]);
    expect(problems({ MATTERMOST_TOKEN: 't' })).toEqual([expect.stringMatching(/^MATTERMOST_URL is needed/)]);
    // Slack in HTTP mode already listens on PORT.
    expect(
      problems({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        MATTERMOST_URL: 'https://chat.example.org',
        MATTERMOST_TOKEN: 't',
        MATTERMOST_CALLBACK_URL: 'http://peerbridge:3000',
      }),
    ).toEqual([expect.stringMatching(/^MATTERMOST_PORT must differ from PORT/)]);
    expect(problems({ MATTERMOST_ACTION_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^MATTERMOST_ACTION_SECRET must be at least 32 characters/),
    ]);
  });

  it('takes a cron expression for the scheduler, and refuses one node-cron cannot read', () => {
    expect(loadConfig({}).schedulerCron).toBeUndefined();
    expect(loadConfig({ SCHEDULER_CRON: '' }).schedulerCron).toBeUndefined();
    expect(loadConfig({ SCHEDULER_CRON: '*/10 * * * * *' }).schedulerCron).toBe('*/10 * * * * *');
    expect(() => loadConfig({ SCHEDULER_CRON: 'every minute' })).toThrow(
      /SCHEDULER_CRON must be a cron expression/,
    );
  });

  it('formats the whole error for start-up with a hint to .env.example', () => {
    expect(() => loadConfig({ PORT: '0' })).toThrow(/PORT must be between 1 and 65535[\s\S]*\.env\.example/);
  });
});

describe('.env file', () => {
  it('fills in what the environment leaves unset; the environment wins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-env-'));
    try {
      const path = join(dir, '.env');
      await writeFile(path, '# comment\nPORT=4000\nDEFAULT_TIME_ZONE=Europe/Berlin\n');
      const config = loadConfig(withDotEnv({ PORT: '5000' }, path));
      expect(config.port).toBe(5000);
      expect(config.defaults.timeZone).toBe('Europe/Berlin');
      expect(withDotEnv({ A: '1' }, join(dir, 'missing.env'))).toEqual({ A: '1' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('config edges', () => {
  it('treats a variable left blank (NAME=) as unset, so its default applies', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: ' ', DATA_DIR: '', DEFAULT_TIME_ZONE: '' });
    expect(config.port).toBe(3000);
    expect(config.log).toMatchObject({ level: 'info', levelGiven: false });
    expect(config.dataDir).toBe('./data');
    expect(config.defaults.timeZone).toBe('UTC');
  });

  it('lists a missing ENCRYPTION_KEY for a PostgreSQL server with the other config problems', () => {
    expect(problems({ DATABASE_URL: 'postgres://u@h:5432/db' })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY is needed with a PostgreSQL DATABASE_URL/),
    ]);
  });

  it('accepts a crisis region in lower case', () => {
    expect(loadConfig({ DEFAULT_CRISIS_REGION: 'gb' }).defaults.crisisRegion).toBe('GB');
  });
});

describe('config messages never show a database password', () => {
  it('redacts the password of a DATABASE_URL it refuses, in the problems and the message', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://peerbridge:hunter2-secret@db.example.org:3306/pb' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.join('\n')).toContain('mysql://peerbridge:***@db.example.org:3306/pb');
    expect(`${error.message}\n${error.problems.join('\n')}`).not.toContain('hunter2');
  });

  it('reads the retention settings, with 7 and 30 days by default', () => {
    const defaults = { processedEventDays: 7, sentOutboxDays: 30, auditDays: 2190, checkinAnswerDays: 365 };
    expect(loadConfig({}).retention).toEqual(defaults);
    expect(
      loadConfig({ PROCESSED_EVENT_RETENTION_DAYS: '2', SENT_OUTBOX_RETENTION_DAYS: '90' }).retention,
    ).toEqual({ ...defaults, processedEventDays: 2, sentOutboxDays: 90 });
    expect(problems({ SENT_OUTBOX_RETENTION_DAYS: '0' })).toEqual([
      'SENT_OUTBOX_RETENTION_DAYS must be at least 1 day (got "0")',
    ]);
  });

  it('keeps check-in answers 365 days by default, 0 for ever, never under 60 days otherwise', () => {
    expect(loadConfig({ CHECKIN_ANSWER_RETENTION_DAYS: '0' }).retention.checkinAnswerDays).toBe(0);
    expect(loadConfig({ CHECKIN_ANSWER_RETENTION_DAYS: '90' }).retention.checkinAnswerDays).toBe(90);
    expect(problems({ CHECKIN_ANSWER_RETENTION_DAYS: '30' })).toEqual([
      'CHECKIN_ANSWER_RETENTION_DAYS must be 0 (keep) or at least 60 days, so the eight-week insights stay whole (got "30")',
    ]);
    expect(problems({ CHECKIN_ANSWER_RETENTION_DAYS: 'a year' })[0]).toContain('must be a number of days');
  });

  it('reads secrets from <NAME>_FILE (Docker and Kubernetes secrets), refusing both or an unreadable file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-secret-'));
    try {
      const keyFile = join(dir, 'encryption_key');
      const key = Buffer.alloc(32, 7).toString('base64');
      await writeFile(keyFile, `${key}\n`);
      const env = withSecretFiles({ ENCRYPTION_KEY_FILE: keyFile, PORT: '4000' });
      expect(env.ENCRYPTION_KEY).toBe(key);
      expect(loadConfig(env).encryptionKey).toBeDefined();
      let caught: unknown;
      try {
        withSecretFiles({
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_BOT_TOKEN_FILE: keyFile,
          DISCORD_TOKEN_FILE: join(dir, 'missing'),
        });
      } catch (error) {
        caught = error;
      }
      expect((caught as ConfigError).problems).toEqual([
        'SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE are both set: keep one',
        `DISCORD_TOKEN_FILE: cannot read the file ${join(dir, 'missing')}`,
      ]);
      expect((caught as ConfigError).message).not.toContain(key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
