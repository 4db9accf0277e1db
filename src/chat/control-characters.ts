// Invisible characters people cannot see and should not be able to send: C0 control characters
// (a NUL byte makes PostgreSQL refuse the whole statement, so it would surface as a generic
// apology) and the bidirectional overrides and isolates that make text read differently than
// it is stored (a name that shows as "admin" but sorts and compares as something else).
// Newline and tab are allowed only where text may have several lines (form fields).

// U+0000–U+001F and U+007F; U+202A–U+202E (embeddings, overrides); U+2066–U+2069 (isolates).
// Checked by code point rather than with a regular expression of control characters.
function isRefused(code: number, multiline: boolean): boolean {
  if (multiline && (code === 0x0a || code === 0x09 || code === 0x0d)) return false;
  return (
    code <= 0x1f || code === 0x7f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
  );
}

export const controlCharacterSentence =
  'it has an invisible control character in it (such as a NUL byte or a text-direction mark). Please type it again without it; nothing was saved.';

/** True when the text holds a character this module refuses. */
export function hasControlCharacters(text: string, options: { readonly multiline?: boolean } = {}): boolean {
  const multiline = options.multiline ?? false;
  for (const char of text) if (isRefused(char.codePointAt(0) ?? 0, multiline)) return true;
  return false;
}
