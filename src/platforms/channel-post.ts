import type { PostedRef, SendFailure } from '../ports/messenger.js';
import type { OutMessage } from '../views/message.js';

/**
 * What may go into a shared channel: never health content (a channel is not private, whatever ANSWER_IN_CHAT
 * says), and never a form request (a form is one person's, asked in their DM or on their page).
 */
export function forChannel(m: OutMessage): OutMessage | SendFailure {
  if (m.sensitive) {
    return { ok: false, permanent: true, reason: 'health content is never posted to a shared channel' };
  }
  const { form: _form, ...rest } = m;
  return rest;
}

export const isFailure = (x: OutMessage | SendFailure): x is SendFailure => 'ok' in x && x.ok === false;

/** How one platform edits, adds and removes the messages a post is made of. */
export interface PieceOps<P> {
  edit(id: string, piece: P): Promise<void>;
  /** Post a piece at the end of the channel: its id. */
  post(piece: P): Promise<string>;
  remove(id: string): Promise<void>;
}

/**
 * Edit a post made of several messages into the new pieces: the pieces that exist are edited in place; extra ones
 * are posted after (they land at the end of the channel); pieces no longer needed are removed. The first message,
 * the pinned one, always stays.
 */
export async function editPieces<P>(posted: PostedRef, pieces: P[], ops: PieceOps<P>): Promise<PostedRef> {
  const ids: string[] = [];
  for (const [i, piece] of pieces.entries()) {
    const id = posted.messageIds[i];
    if (id === undefined) {
      ids.push(await ops.post(piece));
    } else {
      await ops.edit(id, piece);
      ids.push(id);
    }
  }
  for (const id of posted.messageIds.slice(pieces.length)) await ops.remove(id);
  return { ...posted, messageIds: ids };
}

/** A ref no adapter could have handed out. */
export function badRef(posted: PostedRef): SendFailure | null {
  return posted.messageIds.length === 0
    ? { ok: false, permanent: true, reason: `no message to act on in ${posted.channelId}` }
    : null;
}
