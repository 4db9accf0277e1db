// Key rotation: ENCRYPTION_KEY encrypts; ENCRYPTION_KEYS_OLD only decrypt. Every envelope names
// its key's fingerprint (second `:` field), so the ring hands each envelope to the key that
// made it. Wraps whatever createFieldCipher makes, passing every argument through, so a change
// of envelope format (what the associated data binds) needs no change here.
import { createFieldCipher, type FieldCipher, isCurrentVersion } from './field-crypto.ts';

export interface KeyRing extends FieldCipher {
  /** True when the envelope was made with the current key and version (nothing to rotate). */
  isCurrent(envelope: string): boolean;
  /** Fingerprints of the keys that can decrypt, current first. */
  readonly keyIds: readonly string[];
}

export const envelopeKeyId = (envelope: string): string | undefined => envelope.split(':')[1];

export function createKeyRing(current: Buffer, old: readonly Buffer[] = []): KeyRing {
  const primary = createFieldCipher(current);
  const byId = new Map<string, FieldCipher>([[primary.keyId, primary]]);
  for (const key of old) {
    const cipher = createFieldCipher(key);
    if (!byId.has(cipher.keyId)) byId.set(cipher.keyId, cipher);
  }
  return {
    keyId: primary.keyId,
    keyIds: [...byId.keys()],
    encrypt: (...args) => primary.encrypt(...args),
    // An unknown key id goes to the current key, which reports it as WrongKeyError.
    decrypt: (...args) => (byId.get(envelopeKeyId(args[0]) ?? '') ?? primary).decrypt(...args),
    isCurrent: (envelope) => envelopeKeyId(envelope) === primary.keyId && isCurrentVersion(envelope),
  };
}
