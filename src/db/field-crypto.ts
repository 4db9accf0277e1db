// Private free text (trigger-flag notes, private check-in answers, wellness plans, private
// outbox payloads) is encrypted at rest with AES-256-GCM. An envelope names the key it was
// made with, so a wrong key is reported as such instead of as tampering or as garbage.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class WrongKeyError extends Error {
  constructor(envelopeKeyId: string, configuredKeyId: string) {
    super(
      `Private text was encrypted with key ${envelopeKeyId}, but the configured key is ${configuredKeyId}. ` +
        'Set ENCRYPTION_KEY (or restore the key file in DATA_DIR) to the key this database was created with. Nothing was decrypted.',
    );
    this.name = 'WrongKeyError';
  }
}

export class TamperedError extends Error {
  constructor(reason: string) {
    super(
      `Private text failed its integrity check (${reason}): it was changed or damaged in the database. Nothing was decrypted.`,
    );
    this.name = 'TamperedError';
  }
}

export interface FieldCipher {
  /** A short, non-secret fingerprint of the key (first 8 hex characters of its SHA-256). */
  readonly keyId: string;
  /** `context` binds the envelope to where it is stored (e.g. `TriggerFlag.note`), so it cannot be moved. */
  encrypt(plain: string, context: string): string;
  decrypt(envelope: string, context: string): string;
}

function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error(`An AES-256 key must be 32 bytes; this one has ${key.length}.`);
  const keyId = keyFingerprint(key);
  return {
    keyId,
    encrypt(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(envelope, context) {
      const [version, envelopeKeyId, payload, ...rest] = envelope.split(':');
      if (version !== VERSION || envelopeKeyId === undefined || payload === undefined || rest.length > 0) {
        throw new TamperedError('not a PeerBridge envelope');
      }
      if (envelopeKeyId !== keyId) throw new WrongKeyError(envelopeKeyId, keyId);
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new TamperedError('too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new TamperedError('authentication tag mismatch');
      }
    },
  };
}
