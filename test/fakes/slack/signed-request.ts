import { createHmac } from 'node:crypto';
import { type SlackUrlSource, type SlashCommandOptions, slashCommandPayload } from './slack-payloads.ts';

/** `v0=` + HMAC-SHA256(signingSecret, `v0:{timestamp}:{body}`), as Slack signs requests. */
export function slackSignature(signingSecret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Sign with a wrong secret. */
  badSignature?: boolean;
  /** Leave out both signature headers. */
  unsigned?: boolean;
  /** Pretend the request was made this long ago (Bolt rejects > 5 minutes). */
  staleBySec?: number;
  /** Slack's redelivery headers. */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SignedResponse {
  status: number;
  headers: Headers;
  /** Raw response text (Bolt answers an empty 200 for a bare ack()). */
  body: string;
  /** `body` parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

/**
 * Sends Slack-signed requests to an app's HTTP endpoint (Bolt's default is /slack/events).
 * Pass the FakeSlackApi as `urls` so response_url / trigger_id point at (and are recorded by) the fake.
 */
export class SlackRequestSender {
  constructor(
    private readonly endpoint: string,
    private readonly signingSecret: string,
    private readonly urls?: SlackUrlSource,
  ) {}

  /** Slash command as Slack sends it: form-urlencoded. */
  slashCommand(options: SlashCommandOptions, sign: SignOptions = {}): Promise<SignedResponse> {
    const payload = slashCommandPayload({ urls: this.urls, ...options });
    const body = new URLSearchParams(
      Object.entries(payload).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return this.post(body, 'application/x-www-form-urlencoded', sign);
  }

  /** Interactivity (block_actions, view_submission, …): form-urlencoded `payload=<json>`. */
  interactive(payload: unknown, sign: SignOptions = {}): Promise<SignedResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', sign);
  }

  /** Events API (event_callback from slack-payloads' eventCallback()): JSON. */
  event(body: unknown, sign: SignOptions = {}): Promise<SignedResponse> {
    return this.post(JSON.stringify(body), 'application/json', sign);
  }

  urlVerification(
    challenge = 'fake-challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
  ): Promise<SignedResponse> {
    return this.event({ token: 'fake-verification-token', challenge, type: 'url_verification' });
  }

  async post(body: string, contentType: string, sign: SignOptions = {}): Promise<SignedResponse> {
    const timestamp = Math.floor(Date.now() / 1000) - (sign.staleBySec ?? 0);
    const secret = sign.badSignature ? `${this.signingSecret}-wrong` : this.signingSecret;
    const headers: Record<string, string> = { 'content-type': contentType, ...sign.headers };
    if (!sign.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = slackSignature(secret, timestamp, body);
    }
    if (sign.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(sign.retryNum);
      headers['x-slack-retry-reason'] = sign.retryReason ?? 'http_timeout';
    }
    const response = await fetch(this.endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, body: text, json };
  }
}
