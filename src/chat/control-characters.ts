// Invisible characters people cannot see and should not be able to send: C0 control characters
// (a NUL byte makes PostgreSQL refuse the whole statement, so it would surface as a generic
// apology) and the bidirectional overrides and isolates that make text read differently than
// it is stored (a name that shows as "admin" but sorts and compares as something else).
// Newline and tab are allowed only where text may have several lines (form fields).

// U+0000–U+001F and U+007F; U+202A–U+202E (embeddings, overrides); U+2066–U+2069 (isolates).
const anyControl = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
const controlButLineBreaks = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

export const controlCharacterSentence =
  'it has an invisible control character in it (such as a NUL byte or a text-direction mark). Please type it again without it; nothing was saved.';

/** True when the text holds a character this module refuses. */
export function hasControlCharacters(text: string, options: { readonly multiline?: boolean } = {}): boolean {
  return (options.multiline ? controlButLineBreaks : anyControl).test(text);
}
