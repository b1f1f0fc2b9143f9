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
  | { type: 'list'; items: string[] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A safety or privacy notice that must stand out. */
  | { type: 'notice'; text: string }
  /** A link to one of Interlude's own private pages (never to anywhere else). */
  | { type: 'link'; label: string; url: string };

export interface ActionButton {
  /** `verb?key=value&…`, parsed by the app's action router (see src/app/actions.ts). */
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
  actions?: ActionButton[];
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
