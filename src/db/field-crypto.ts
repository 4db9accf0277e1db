// Private free text (trigger-flag notes, private check-in answers, wellness plans, private
// outbox payloads) is encrypted at rest with AES-256-GCM. An envelope names the key it was
// made with, so a wrong key is reported as such instead of as tampering or as garbage.
//
// Envelope versions (the first field; both stay readable):
// - v1 (older rows): associated data = the field's name (`TriggerFlag.note`). Bound to its
//   column only: a database writer could move it to another row of the same column.
// - v2 (written now): associated data = the field's name, a NUL, and the row it belongs to
//   (its id, or what identifies it before it has one, e.g. an outbox row's idempotency key and
//   recipient). Moved to another row, it fails its integrity check.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
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
  /**
   * `context` binds the envelope to the column it is stored in (e.g. `TriggerFlag.note`);
   * `row` (associated data too) binds it to the row: pass the row's id, or another value that
   * names that row and that decrypt can give again (outbox: idempotency key + recipient).
   * Decrypt must be given the same `context` and `row`, or it throws TamperedError.
   */
  encrypt(plain: string, context: string, row?: string): string;
  /** Reads v2 envelopes (context + row) and older v1 ones (context only; `row` is not checked). */
  decrypt(envelope: string, context: string, row?: string): string;
}

function associatedData(version: string, context: string, row: string | undefined): Buffer {
  return Buffer.from(version === LEGACY_VERSION ? context : `${context}\u0000${row ?? ''}`, 'utf8');
}

function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error(`An AES-256 key must be 32 bytes; this one has ${key.length}.`);
  const keyId = keyFingerprint(key);
  return {
    keyId,
    encrypt(plain, context, row) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associatedData(VERSION, context, row));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(envelope, context, row) {
      const [version, envelopeKeyId, payload, ...rest] = envelope.split(':');
      const known = version === VERSION || version === LEGACY_VERSION;
      if (!known || envelopeKeyId === undefined || payload === undefined || rest.length > 0) {
        throw new TamperedError('not a PeerBridge envelope');
      }
      if (envelopeKeyId !== keyId) throw new WrongKeyError(envelopeKeyId, keyId);
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new TamperedError('too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(associatedData(version, context, row));
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
