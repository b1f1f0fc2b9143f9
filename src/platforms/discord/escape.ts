/**
 * A person's words shown in Discord exactly as written: every character Discord's markdown could act on is
 * backslash-escaped. Discord shows `\x` as `x` for any punctuation `x`, so nothing is lost, and nothing a person
 * wrote can become bold, a heading, a masked link or a mention. (Pings are also off: see ALLOWED_MENTIONS.)
 */
const INLINE = /[\\*_~`|[\]()<>@#:]/g;
/** Only meaningful at the start of a line: lists, block quotes, headings, subtext, numbered lists. */
const LINE_START = /^(\s*)([-+>]|\d+(?=\.))/gm;

export function escapeDiscord(s: string): string {
  return s
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark: string) =>
      /^\d+$/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

/**
 * One of Interlude's own addresses as a real link. An escaped `\:` stops Discord linking an address, so it is not
 * escaped; the angle brackets end the link exactly (a `)` or `.` after it stays text) and keep the preview off.
 * An address that could break out of the brackets is shown escaped instead, inert.
 */
export const linkDiscord = (url: string): string =>
  /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : escapeDiscord(url);

/** What a Discord client shows for escaped text (used by tests and the benchmark to read messages back). */
export const unescapeDiscord = (s: string): string => s.replace(/\\([^A-Za-z0-9\s])/g, '$1');

/** No message from Interlude ever pings anyone. */
export const ALLOWED_MENTIONS = { parse: [] as never[] };
