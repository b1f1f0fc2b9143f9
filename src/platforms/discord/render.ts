import { type Attachment, type Block, type Button, type OutMessage, spansOf } from '../../views/message.js';
import { escapeDiscord, linkDiscord } from './escape.js';

/** Discord's limits (https://discord.com/developers/docs/resources/message#create-message). */
export const CONTENT_LIMIT = 2000;
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const LABEL_LIMIT = 80;

export interface DiscordButton {
  type: 2;
  style: 1 | 2 | 4 | 5;
  label: string;
  custom_id?: string;
  url?: string;
}
export interface DiscordRow {
  type: 1;
  components: DiscordButton[];
}
export interface DiscordFile {
  name: string;
  data: Buffer;
  contentType: string;
}
/** One Discord message: content, buttons, files. A long neutral message becomes several of these. */
export interface DiscordPayload {
  content: string;
  components: DiscordRow[];
  files: DiscordFile[];
}

/** A line escaped, except the addresses that are ours to link (`links`), which stay real links. */
const escapeLine = (l: string, links?: readonly string[]) =>
  spansOf(l, links)
    .map((s) => ('url' in s ? linkDiscord(s.url) : escapeDiscord(s.text)))
    .join('');

const indentLines = (s: string, first: string, rest: string, links?: readonly string[]) =>
  s
    .split('\n')
    .map((l, i) => `${i === 0 ? first : rest}${escapeLine(l, links)}`)
    .join('\n');

function blockText(b: Block): string | null {
  switch (b.type) {
    case 'heading':
      return `### ${escapeDiscord(b.text.replace(/\n/g, ' '))}`;
    case 'text':
      return escapeDiscord(b.text);
    case 'quote':
      return indentLines(b.text, '> ', '> ');
    case 'list':
      return b.items.map((i) => indentLines(i, '- ', '  ', b.links)).join('\n');
    case 'fields':
      return b.fields.map((f) => `**${escapeDiscord(f.label)}:** ${escapeDiscord(f.value)}`).join('\n');
    case 'notice':
      return b.text
        .split('\n')
        .map((l) => (l.trim() ? `**${escapeDiscord(l)}**` : ''))
        .join('\n');
    case 'link':
      return null; // a link button (see rows)
    case 'scale':
      return null; // its buttons (see rows)
  }
}

const clip = (s: string, n: number) =>
  Array.from(s).length <= n
    ? s
    : `${Array.from(s)
        .slice(0, n - 1)
        .join('')}…`;

const STYLE = { primary: 1, secondary: 2, danger: 4 } as const;

/** Buttons in rows of five; a change of kind (each scale, other buttons, links) starts a new row. */
export function rows(
  actions: readonly Button[],
  links: { label: string; url: string }[],
  scales: readonly (readonly Button[])[] = [],
): DiscordRow[] {
  const groups: DiscordButton[][] = [];
  let current: DiscordButton[] = [];
  let kind = '';
  const push = (b: DiscordButton, k: string) => {
    if (current.length === BUTTONS_PER_ROW || (current.length > 0 && k !== kind)) {
      groups.push(current);
      current = [];
    }
    kind = k;
    current.push(b);
  };
  const button = (a: Button): DiscordButton => ({
    type: 2,
    style: STYLE[a.style ?? 'secondary'],
    label: clip(a.label, LABEL_LIMIT),
    custom_id: a.id,
  });
  scales.forEach((buttons, i) => {
    for (const a of buttons) push(button(a), `scale${i}`);
  });
  for (const a of actions) push(button(a), 'button');
  for (const l of links) push({ type: 2, style: 5, label: clip(l.label, LABEL_LIMIT), url: l.url }, 'link');
  if (current.length) groups.push(current);
  return groups.slice(0, MAX_ROWS).map((components) => ({ type: 1, components }));
}

/**
 * Split text into pieces of at most `limit` characters, at line breaks where possible. A line longer than the
 * limit is cut between characters, never inside an escape (`\x`) or a surrogate pair; a cut quote line keeps
 * its `> ` so the rest still shows as the person's words.
 */
export function chunk(text: string, limit = CONTENT_LIMIT): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  for (const line of text.split('\n')) {
    const candidate = cur ? `${cur}\n${line}` : line;
    if (candidate.length <= limit) {
      cur = candidate;
      continue;
    }
    flush();
    let rest = line;
    const prefix = line.startsWith('> ') ? '> ' : '';
    while (rest.length > limit) {
      let cut = limit;
      while (cut > 0 && (isLowSurrogate(rest.charCodeAt(cut)) || endsInsideEscape(rest, cut))) cut--;
      out.push(rest.slice(0, cut));
      rest = prefix + rest.slice(cut);
    }
    cur = rest;
  }
  flush();
  return out.length ? out : [''];
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when the character before `cut` is an escaping backslash (an odd run of backslashes). */
function endsInsideEscape(s: string, cut: number): boolean {
  let n = 0;
  for (let i = cut - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

const toFile = (f: Attachment): DiscordFile => ({
  name: f.filename,
  data: Buffer.from(f.data, 'utf8'),
  contentType: f.contentType,
});

/** A neutral message as Discord messages: the text in order, buttons and files on the last one. */
export function renderDiscord(m: OutMessage): DiscordPayload[] {
  const text = m.blocks
    .map(blockText)
    .filter((t): t is string => t !== null)
    .join('\n\n');
  const links = m.blocks.flatMap((b) => (b.type === 'link' ? [{ label: b.label, url: b.url }] : []));
  const scales = m.blocks.flatMap((b) => (b.type === 'scale' ? [b.buttons] : []));
  const pieces = chunk(text);
  return pieces.map((content, i) => {
    const last = i === pieces.length - 1;
    return {
      content,
      components: last ? rows(m.buttons ?? [], links, scales) : [],
      files: last ? (m.files ?? []).map(toFile) : [],
    };
  });
}
