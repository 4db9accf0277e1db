import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, TamperedError, WrongKeyError } from '../../src/db/index.ts';

const key = randomBytes(32);
const cipher = createFieldCipher(key);

/** An envelope as older code wrote it, with the associated data that version used. */
function olderEnvelope(version: 'v1' | 'v2', plain: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `${version}:${cipher.keyId}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips text, including non-ASCII, and never stores it in the clear', () => {
    const plain = 'Session with J. brought back my own relapse — need to talk 💬';
    const envelope = cipher.encrypt(plain, 'TriggerFlag.note', 'flag-1');
    expect(envelope).not.toContain('relapse');
    expect(envelope.startsWith(`v3:${cipher.keyId}:`)).toBe(true);
    expect(cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toBe(plain);
  });

  it('gives a different envelope each time for the same text', () => {
    expect(cipher.encrypt('same', 'x', 'r')).not.toBe(cipher.encrypt('same', 'x', 'r'));
  });

  it('detects tampering with the ciphertext', () => {
    const envelope = cipher.encrypt('private words', 'WellnessPlan.triggers', 'member-1');
    const [v, id, body] = envelope.split(':') as [string, string, string];
    const bytes = Buffer.from(body, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    expect(() =>
      cipher.decrypt(`${v}:${id}:${bytes.toString('base64')}`, 'WellnessPlan.triggers', 'member-1'),
    ).toThrow(TamperedError);
  });

  it('refuses an envelope moved to another field', () => {
    const envelope = cipher.encrypt('private words', 'CheckinAnswer.privateNote', 'row-1');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note', 'row-1')).toThrow(TamperedError);
  });

  it('names a wrong key as a wrong key, not as garbage', () => {
    const envelope = cipher.encrypt('private words', 'TriggerFlag.note', 'flag-1');
    const other = createFieldCipher(randomBytes(32));
    expect(() => other.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toThrow(WrongKeyError);
    expect(() => other.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toThrow(/ENCRYPTION_KEY/);
  });

  it('rejects text that is not an envelope', () => {
    expect(() => cipher.decrypt('hello', 'x', 'r')).toThrow(TamperedError);
  });

  it('binds an envelope to its row: moved to another row of the same column, it is refused', () => {
    const envelope = cipher.encrypt('private words', 'TriggerFlag.note', 'flag-1');
    expect(cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toBe('private words');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-2')).toThrow(TamperedError);
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note', '')).toThrow(TamperedError);
  });

  it('will not make an envelope that names no row', () => {
    expect(() => cipher.encrypt('private words', 'TriggerFlag.note', '')).toThrow(/must name its row/);
  });

  it('still reads v1 envelopes written before rows were bound', () => {
    const old = olderEnvelope('v1', 'an older note', 'TriggerFlag.note');
    expect(cipher.decrypt(old, 'TriggerFlag.note', 'any-row')).toBe('an older note');
    expect(() => cipher.decrypt(old, 'CheckinAnswer.privateNote', 'any-row')).toThrow(TamperedError);
  });

  it('reads v2 envelopes with their row, and those a feature wrote without one', () => {
    const bound = olderEnvelope('v2', 'a payload', 'OutboxMessage.payload\u0000key-1');
    expect(cipher.decrypt(bound, 'OutboxMessage.payload', 'key-1')).toBe('a payload');
    expect(() => cipher.decrypt(bound, 'OutboxMessage.payload', 'key-2')).toThrow(TamperedError);
    const unbound = olderEnvelope('v2', 'an older note', 'TriggerFlag.note\u0000');
    expect(cipher.decrypt(unbound, 'TriggerFlag.note', 'flag-1')).toBe('an older note');
    expect(() => cipher.decrypt(unbound, 'TriggerFlag.followUp', 'flag-1')).toThrow(TamperedError);
  });

  it('refuses an envelope of an unknown version', () => {
    const envelope = cipher.encrypt('x', 'TriggerFlag.note', 'flag-1').replace(/^v3:/, 'v9:');
    expect(() => cipher.decrypt(envelope, 'TriggerFlag.note', 'flag-1')).toThrow(/not a PeerBridge envelope/);
  });
});
