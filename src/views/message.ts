/**
 * The platform-neutral message model. Every string in it is literal text: renderers escape it for their own
 * markup (Discord markdown, Slack mrkdwn, HTML, a terminal), so a person's words can never become formatting,
 * a mention or a script. Emphasis is expressed by block type, never by markup inside a string.
 */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  /** The person's own words, shown back exactly. */
  | { type: 'quote'; text: string }
  /**
   * `links`: web addresses inside the items that are Interlude's own to link (from operator settings such as the
   * crisis lines, never from what a person wrote). Renderers make exactly these tappable and escape the rest.
   */
  | { type: 'list'; items: string[]; links?: string[] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A safety or privacy notice that must stand out. */
  | { type: 'notice'; text: string }
  /** A link to one of Interlude's own private pages (never to anywhere else). */
  | { type: 'link'; label: string; url: string }
  /**
   * One question answered by pressing a number (in chat, the mood that starts a check-in). Chat renderers show the
   * buttons as a group of their own, after the text and before the message's other buttons.
   */
  | { type: 'scale'; label: string; buttons: Button[] };

export interface Button {
  /** `verb?key=value&…`, parsed by the app's button router (see src/app/buttons.ts). */
  id: string;
  label: string;
  style?: 'primary' | 'secondary' | 'danger';
}

export interface Attachment {
  filename: string;
  contentType: string;
  data: string;
}

/** Ask the surface to collect a form; the console asks inline, chat platforms open a modal or a link. */
export interface FormRequest {
  form: 'checkin';
  localDate: string;
  promptId: string;
  promptText: string;
  /** Answered already by a button (chat platforms ask mood with buttons, then the rest in a modal). */
  mood?: number;
}

export interface OutMessage {
  blocks: Block[];
  buttons?: Button[];
  files?: Attachment[];
  form?: FormRequest;
  /** Holds health content: chat platforms must not send it through their API unless the operator opted in. */
  sensitive?: boolean;
}

export const text = (t: string): Block => ({ type: 'text', text: t });
export const heading = (t: string): Block => ({ type: 'heading', text: t });
export const notice = (t: string): Block => ({ type: 'notice', text: t });
export const quote = (t: string): Block => ({ type: 'quote', text: t });
export const list = (items: string[]): Block => ({ type: 'list', items });
export const message = (...blocks: Block[]): OutMessage => ({ blocks });

/** http(s) addresses in trusted text; a closing bracket or full stop after one ends the sentence, not the URL. */
const ADDRESS = /https?:\/\/[^\s<>"`|\\]+/g;
const TRAILING = /[.,;:!?)\]'’]+$/;

export function addressesIn(texts: readonly string[]): string[] {
  const found = texts.flatMap((t) => (t.match(ADDRESS) ?? []).map((a) => a.replace(TRAILING, '')));
  return [...new Set(found.filter((a) => /^https?:\/\/[^/]/.test(a)))];
}

/** A list of operator-written lines whose web addresses are ours to link (the `links` field only when there are). */
export function linkedList(items: string[]): Block {
  const links = addressesIn(items);
  return links.length ? { type: 'list', items, links } : { type: 'list', items };
}

export type Span = { text: string } | { url: string };

/** A trusted line cut into plain text and its own links, for renderers; longer addresses win over their prefixes. */
export function spansOf(text: string, links: readonly string[] = []): Span[] {
  if (!links.length) return [{ text }];
  const sorted = [...links].sort((a, b) => b.length - a.length);
  const out: Span[] = [];
  let rest = text;
  while (rest) {
    let best: { at: number; url: string } | null = null;
    for (const url of sorted) {
      const at = rest.indexOf(url);
      if (at >= 0 && (!best || at < best.at)) best = { at, url };
    }
    if (!best) break;
    if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
    out.push({ url: best.url });
    rest = rest.slice(best.at + best.url.length);
  }
  if (rest) out.push({ text: rest });
  return out;
}
