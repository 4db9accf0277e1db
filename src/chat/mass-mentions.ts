// Text a person wrote can come back in a message the bot posts (a team name, a topic, an
// echoed option). It must never ping a whole channel. Slack's special mentions are written
// `<!channel>`, `<!here>`, `<!everyone>` (and `@channel` with link_names); Discord's are
// `@everyone` and `@here`. A zero-width space after the `@` or `!` keeps the words readable
// and makes them plain text on both platforms. Discord sends also carry
// `allowed_mentions: { parse: [] }`, so this is the second lock, not the only one.
const massMention = /<!(channel|here|everyone)(\|[^>]*)?>|<!subteam\^[^>]*>|@(everyone|here|channel)\b/giu;

export function neutralizeMassMentions(text: string): string {
  return text.replace(massMention, (match, slackWord?: string, _label?: string, atWord?: string) => {
    if (slackWord !== undefined) return `@\u200b${slackWord}`;
    if (atWord !== undefined) return `@\u200b${atWord}`;
    return `@\u200b${match.slice(2, -1)}`;
  });
}
