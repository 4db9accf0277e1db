import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, TamperedError, WrongKeyError } from '../../src/db/index.ts';

const key = randomBytes(32);
const cipher = createFieldCipher(key);

/** An envelope as the v1 code wrote it: associated data = the field's name only. */
function v1Envelope(plain: string, context: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${cipher.keyId}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips text, including non-ASCII, and never stores it in the clear', () => {
    const plain = 'Session with J. brought back my own relapse — need to talk 💬';
    const envelope = cipher.encrypt(plain, 'TriggerFlag.note');
    expect(envelope).not.toContain('relapse');
    expect(envelope.startsWith(`v2:${cipher.keyId}:`)).toBe(true);
    expect(cipher.decrypt(envelope, 'TriggerFlag.note')).toBe(plain);
  });

  it('gives a different envelope each time for the same text', () => {
    expect(cipher.encrypt('same', 'x')).not.toBe(cipher.encrypt('same', 'x'));
  });

  it('detects tampering with the ciphertext', () => {
    const envelope = cipher.encrypt('private words', 'WellnessPlan.triggers');
    const [v, id, body] = envelope.split(':') as [string, string, string];
    const bytes = Buffer.from(body, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    expect(() => cipher.decrypt(`${v}:${id}:${bytes.toString('base64')}`, 'WellnessPlan.triggers')).toThrow(
      TamperedError,
    );
  });

  it('refuses an envelope moved to another field', () => {
    const envelope = cipher.encrypt('private words', 'CheckinAnswer.privateNote');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note')).toThrow(TamperedError);
  });

  it('names a wrong key as a wrong key, not as garbage', () => {
    const envelope = cipher.encrypt('private words', 'TriggerFlag.note');
    const other = createFieldCipher(randomBytes(32));
    expect(() => other.decrypt(envelope, 'TriggerFlag.note')).toThrow(WrongKeyError);
    expect(() => other.decrypt(envelope, 'TriggerFlag.note')).toThrow(/ENCRYPTION_KEY/);
  });

  it('rejects text that is not an envelope', () => {
    expect(() => cipher.decrypt('hello', 'x')).toThrow(TamperedError);
  });

  it('binds an envelope to its row: moved to another row of the same column, it is refused', () => {
    const envelope = cipher.encrypt('private words', 'TriggerFlag.note', 'flag-1');
    expect(cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toBe('private words');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-2')).toThrow(TamperedError);
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note')).toThrow(TamperedError);
  });

  it('still reads v1 envelopes written before rows were bound', () => {
    const old = v1Envelope('an older note', 'TriggerFlag.note');
    expect(cipher.decrypt(old, 'TriggerFlag.note', 'any-row')).toBe('an older note');
    expect(() => cipher.decrypt(old, 'CheckinAnswer.privateNote')).toThrow(TamperedError);
  });

  it('refuses an envelope of an unknown version', () => {
    const envelope = cipher.encrypt('x', 'TriggerFlag.note').replace(/^v2:/, 'v9:');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note')).toThrow(/not a PeerBridge envelope/);
  });
});
