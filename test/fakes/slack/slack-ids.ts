/** Who the fake workspace and app are. Payload builders and the fake API share these so IDs line up. */
export interface SlackIdentity {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  /** The legacy verification token Slack still puts in payloads (`token` field). */
  verificationToken: string;
}

export const DEFAULT_SLACK_IDENTITY: SlackIdentity = {
  teamId: 'T0FAKETEAM1',
  teamDomain: 'peerbridge-test',
  appId: 'A0FAKEAPP01',
  botUserId: 'U0FAKEBOT01',
  botId: 'B0FAKEBOT01',
  verificationToken: 'fake-verification-token',
};

/** Slack-style IDs: a type letter and ten upper-case base-36 characters, unique per process. */
let idCounter = 0;
export function slackId(prefix: 'C' | 'D' | 'F' | 'V' | 'U' | 'E' | 'Ev' | 'Ft'): string {
  idCounter += 1;
  return `${prefix}0${idCounter.toString(36).toUpperCase().padStart(9, '0')}`;
}

/** Message timestamps as Slack writes them ("1712345678.000100"): unique and strictly increasing. */
let lastMicros = 0;
export function nextTs(): string {
  const micros = Math.max(Date.now() * 1000, lastMicros + 1);
  lastMicros = micros;
  const seconds = Math.floor(micros / 1_000_000);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** Trigger IDs look like "1234567890123.1234567890.abcdef0123456789abcdef0123456789". */
let triggerCounter = 0;
export function triggerIdFor(teamNumber = '4711'): string {
  triggerCounter += 1;
  const hex = `${Date.now().toString(16)}${triggerCounter.toString(16)}`.padStart(32, '0').slice(-32);
  return `${Date.now()}.${teamNumber}${triggerCounter}.${hex}`;
}
