import { type Block, type Button, type OutMessage, spansOf } from '../../views/message.js';

/**
 * Block Kit for a neutral message. A person's words go in plain_text objects (and rich_text for quotes and lists),
 * which Slack shows exactly as written: no mrkdwn, no mentions, no `:emoji:` conversion (emoji: false). Only the
 * notification fallback `text` is mrkdwn, so it is escaped.
 */

/** Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
const SECTION_LIMIT = 3000;
const HEADER_LIMIT = 150;
const BUTTON_LABEL_LIMIT = 75;
const BLOCKS_PER_MESSAGE = 50;
const BUTTONS_PER_ACTIONS = 25;

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is open-ended; Slack validates it.
export type SlackBlock = Record<string, any>;

export interface SlackPayload {
  /** The notification and accessibility fallback, as mrkdwn (escaped). */
  text: string;
  blocks: SlackBlock[];
}

const plain = (text: string) => ({ type: 'plain_text', text, emoji: false });

/** Split at most `n` UTF-16 units, never inside a surrogate pair, preferring line breaks. */
export function pieces(s: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > n) {
    let cut = rest.lastIndexOf('\n', n);
    if (cut < n / 2) cut = n;
    const c = rest.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

const richText = (elements: SlackBlock[]): SlackBlock => ({ type: 'rich_text', elements });
const textEl = (text: string) => ({ type: 'text', text });
/** Text elements show words as written; only the addresses that are ours (`links`) become link elements. */
const lineEls = (line: string, links?: readonly string[]): SlackBlock[] =>
  spansOf(line, links).map((s) => ('url' in s ? { type: 'link', url: s.url } : textEl(s.text)));

function blocksOf(b: Block): SlackBlock[] {
  switch (b.type) {
    case 'heading':
      return b.text.length <= HEADER_LIMIT
        ? [{ type: 'header', text: plain(b.text) }]
        : pieces(b.text, SECTION_LIMIT).map((t) => ({ type: 'section', text: plain(t) }));
    case 'text':
      return b.text.trim() === ''
        ? []
        : pieces(b.text, SECTION_LIMIT).map((t) => ({ type: 'section', text: plain(t) }));
    case 'notice':
      return pieces(`⚠️ ${b.text}`, SECTION_LIMIT).map((t) => ({ type: 'section', text: plain(t) }));
    case 'quote':
      return pieces(b.text, SECTION_LIMIT).map((t) =>
        richText([{ type: 'rich_text_quote', elements: [textEl(t)] }]),
      );
    case 'list':
      return [
        richText([
          {
            type: 'rich_text_list',
            style: 'bullet',
            elements: b.items.map((i) => ({ type: 'rich_text_section', elements: lineEls(i, b.links) })),
          },
        ]),
      ];
    case 'fields':
      return chunked(b.fields, 10).map((fs) => ({
        type: 'section',
        fields: fs.map((f) => plain(`${f.label}: ${f.value}`.slice(0, 2000))),
      }));
    case 'scale':
      return chunked(b.buttons, BUTTONS_PER_ACTIONS).map(buttonsBlock);
    case 'link':
      return [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: `link:${b.url.slice(-40)}`, text: plain(clip(b.label)), url: b.url },
          ],
        },
      ];
  }
}

const chunked = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const clip = (s: string) => (s.length <= BUTTON_LABEL_LIMIT ? s : `${s.slice(0, BUTTON_LABEL_LIMIT - 1)}…`);

const STYLE = { primary: 'primary', danger: 'danger' } as const;

/** One actions block of buttons. */
const buttonsBlock = (g: readonly Button[]): SlackBlock => ({
  type: 'actions',
  elements: g.map((a) => ({
    type: 'button',
    action_id: a.id,
    value: a.id,
    text: plain(clip(a.label)),
    ...(a.style && a.style !== 'secondary' ? { style: STYLE[a.style] } : {}),
  })),
});

/** Buttons as actions blocks, after the message's blocks (a scale block brings its own row). */
export function actionBlocks(actions: readonly Button[]): SlackBlock[] {
  return chunked(actions, BUTTONS_PER_ACTIONS).map(buttonsBlock);
}

/** mrkdwn needs &, < and > escaped; nothing else is special without formatting characters around it. */
export const escapeMrkdwn = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fallbackText(m: OutMessage): string {
  const first = m.blocks.find((b) => b.type === 'heading' || b.type === 'text' || b.type === 'notice');
  const t = first && 'text' in first ? first.text : 'Interlude';
  return escapeMrkdwn(t.length > 300 ? `${t.slice(0, 299)}…` : t);
}

/** One or more Slack messages (50 blocks each at most); buttons go on the last. */
export function renderSlack(m: OutMessage): SlackPayload[] {
  const body = m.blocks.flatMap(blocksOf);
  const buttons = actionBlocks(m.buttons ?? []);
  const all = [...body, ...buttons];
  const text = fallbackText(m);
  if (all.length <= BLOCKS_PER_MESSAGE) return [{ text, blocks: all }];
  const groups = chunked(body, BLOCKS_PER_MESSAGE);
  const last = groups.at(-1) ?? [];
  if (last.length + buttons.length <= BLOCKS_PER_MESSAGE) groups[groups.length - 1] = [...last, ...buttons];
  else groups.push(buttons);
  return groups.map((blocks) => ({ text, blocks }));
}
