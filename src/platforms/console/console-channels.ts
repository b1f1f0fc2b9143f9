import type {
  ChannelPosts,
  ChannelRef,
  DoneResult,
  PostedRef,
  PostResult,
  SendFailure,
} from '../../ports/messenger.js';
import type { OutMessage } from '../../views/message.js';
import { badRef, forChannel, isFailure } from '../channel-post.js';
import { consoleTexts } from './console-texts.js';
import { renderMessage } from './render.js';

// A channel name comes from settings, not from a person, but a terminal is still no place for escape sequences.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const plainName = (s: string) => s.replace(/^#/, '').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');

/**
 * Channel posts in the terminal: a post prints as a channel message with its number, an edit prints the new
 * text under the same number, a pin prints a note. The terminal keeps which post went to which channel, so an
 * edit or pin of a post it never made fails as it would on a platform.
 */
export class ConsoleChannels implements ChannelPosts {
  private readonly posts = new Map<string, string>();
  private readonly pinned = new Set<string>();
  private next = 1;

  constructor(private readonly write: (text: string) => void) {}

  async post(to: ChannelRef, message: OutMessage): Promise<PostResult> {
    const m = forChannel(message);
    if (isFailure(m)) return m;
    const id = String(this.next++);
    const channel = plainName(to.channelId);
    this.posts.set(id, channel);
    this.write(`${consoleTexts.channelPost(channel, id)}\n${renderMessage(m)}\n`);
    return { ok: true, posted: { platform: 'console', channelId: to.channelId, messageIds: [id] } };
  }

  async update(posted: PostedRef, message: OutMessage): Promise<PostResult> {
    const m = forChannel(message);
    if (isFailure(m)) return m;
    const known = this.known(posted);
    if (known) return known;
    const [id] = posted.messageIds as [string];
    this.write(`${consoleTexts.channelEdit(plainName(posted.channelId), id)}\n${renderMessage(m)}\n`);
    return { ok: true, posted: { ...posted, messageIds: [id] } };
  }

  async pin(posted: PostedRef): Promise<DoneResult> {
    const known = this.known(posted);
    if (known) return known;
    const [id] = posted.messageIds as [string];
    // Pinning a pinned post succeeds quietly, as on Discord and Slack.
    if (!this.pinned.has(id)) this.write(`${consoleTexts.channelPin(plainName(posted.channelId), id)}\n`);
    this.pinned.add(id);
    return { ok: true };
  }

  /** Whether this post is pinned (the terminal's own record, for the simulator and tests). */
  isPinned(posted: PostedRef): boolean {
    return this.pinned.has(posted.messageIds[0] ?? '');
  }

  private known(posted: PostedRef): SendFailure | null {
    const bad = badRef(posted);
    if (bad) return bad;
    const id = posted.messageIds[0]!;
    return this.posts.get(id) === plainName(posted.channelId)
      ? null
      : { ok: false, permanent: true, reason: `console: no post ${id} in #${plainName(posted.channelId)}` };
  }
}
