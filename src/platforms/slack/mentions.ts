/**
 * Slack hands mentions to slash commands as `<@U123|name>` and `<!subteam^S123|@group>` (with escaping on, which
 * the manifest asks for). The app layer wants the ids alone.
 */
export const plainIds = (text: string): string =>
  text.replace(/<@([UW][A-Z0-9]+)(\|[^>]*)?>/g, '$1').replace(/<!subteam\^(S[A-Z0-9]+)(\|[^>]*)?>/g, '$1');

/** Slack escapes &, < and > in slash command text; give the person's words back as they typed them. */
export const unescapeSlack = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
