/**
 * Reads a console transcript back into what happened: the lines people typed (echoed as `<user> › <line>`),
 * messages from Interlude (`Interlude ▸ <user>`, nudges with `(nudge · Mon 23 Nov 08:00)`) and simulator notes.
 */
import { checkinNudgeLines, followUpLine, snoozeLine } from '../../../src/views/texts.js';

export type Entry =
  | { kind: 'typed'; user: string; line: string }
  | { kind: 'bot'; user: string; nudgeAt: string | null; lines: string[] }
  | { kind: 'note'; lines: string[] };

const TYPED = /^([\p{L}\p{N}._-]{1,32}) › (.*)$/u;
const BOT = /^Interlude ▸ (\S+)(?: \(nudge · (.+)\))?$/;
const NOTE = /^· (.*)$/;

export function parseTranscript(output: string): Entry[] {
  const entries: Entry[] = [];
  const lines = output.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const typed = TYPED.exec(line);
    const bot = BOT.exec(line);
    const note = NOTE.exec(line);
    if (bot) entries.push({ kind: 'bot', user: bot[1] ?? '', nudgeAt: bot[2] ?? null, lines: [] });
    else if (typed) entries.push({ kind: 'typed', user: typed[1] ?? '', line: typed[2] ?? '' });
    else if (note) entries.push({ kind: 'note', lines: [note[1] ?? ''] });
    else {
      const last = entries.at(-1);
      if (!last || last.kind === 'typed')
        throw new Error(`transcript line outside any message: ${JSON.stringify(line)}`);
      last.lines.push(line);
    }
  }
  return entries;
}

export type BotMessage = Extract<Entry, { kind: 'bot' }>;

export const botMessages = (entries: readonly Entry[], user?: string): BotMessage[] =>
  entries.filter((e): e is BotMessage => e.kind === 'bot' && (user === undefined || e.user === user));

export type NudgeKindShown = 'checkin' | 'followup' | 'snooze';

/** What kind of nudge a message is, from its one line of text (nudges carry no health content, only that line). */
export function nudgeKindOf(m: BotMessage): NudgeKindShown {
  const first = (m.lines[0] ?? '').trim();
  if (checkinNudgeLines.includes(first)) return 'checkin';
  if (first === followUpLine) return 'followup';
  if (first === snoozeLine) return 'snooze';
  throw new Error(`not a nudge line: ${first}`);
}

/** Every nudge shown to `user`, in order, as `kind @ Ddd d Mmm HH:MM` (the header's own local time). */
export const nudgesFor = (entries: readonly Entry[], user: string): string[] =>
  botMessages(entries, user)
    .filter((m) => m.nudgeAt !== null)
    .map((m) => `${nudgeKindOf(m)} @ ${m.nudgeAt}`);

/** The body lines of every reply to `user` (not nudges), trimmed of the renderer's indent. */
export const repliesTo = (entries: readonly Entry[], user: string): string[][] =>
  botMessages(entries, user)
    .filter((m) => m.nudgeAt === null)
    .map((m) => m.lines.map((l) => l.trim()));
