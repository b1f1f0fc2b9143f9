/**
 * Issue 11, task 4: a planned session counts only once the person says it happened; a mistaken session can be
 * removed; impossible dates are refused kindly and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phaseFor } from '../../src/app/phase-of.js';
import { UserError } from '../../src/errors.js';
import type { OutMessage } from '../../src/views/message.js';
import { AppHarness, at } from '../helpers/app-harness.js';
import { said } from './message-words.js';

const ZONE = 'Europe/London';
let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
  h.now = at(ZONE, '2026-11-23T12:00');
});
afterEach(async () => {
  await h.close();
});

const refusal = async (run: () => unknown): Promise<UserError> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
};
const button = (m: OutMessage, label: string) => m.buttons?.find((a) => a.label === label)?.id ?? '';

describe('dates that cannot be right', () => {
  it.each([
    ['log', '1900-01-01', 'further back than I can note'],
    ['log', '2024-11-22', 'Sunday 23 November 2025'],
    ['log', '2026-11-24', "hasn't happened yet"],
    ['next', '2026-11-22', 'already behind us'],
    ['next', '2062-11-24', 'further ahead than I can plan'],
  ])('/session %s %s is refused, saying %j, and nothing is stored', async (sub, date, words) => {
    const you = h.actor('you');
    await h.enrol(you, ZONE, '08:00');
    const before = h.rowCounts();
    const e = await refusal(() => h.command(you, 'session', sub, { date }));
    expect(e.message).toContain(words);
    expect(h.rowCounts()).toEqual(before);
  });

  it('accepts a session up to a year before enrolment', async () => {
    const you = h.actor('you');
    await h.enrol(you, ZONE, '08:00');
    await h.command(you, 'session', 'log', { date: '2025-11-23' });
    expect(h.store.sessions.list(h.me(you).id).map((s) => s.date)).toEqual(['2025-11-23']);
  });
});

describe('/session remove', () => {
  it('removes a mistaken session, and says kindly when there is none on that date', async () => {
    const you = h.actor('you');
    await h.enrol(you, ZONE, '08:00');
    await h.command(you, 'session', 'log', { date: '2026-11-20' });
    await h.command(you, 'session', 'next', { date: '2026-12-04' });
    const reply = await h.command(you, 'session', 'remove', { date: '2026-11-20' });
    expect(said(reply)).toContain('Removed the session on Friday 20 November 2026');
    expect(said(reply)).toContain('No session logged yet');
    expect(h.store.sessions.list(h.me(you).id).map((s) => s.date)).toEqual(['2026-12-04']);
    const e = await refusal(() => h.command(you, 'session', 'remove', { date: '2026-11-20' }));
    expect(e.message).toContain("I don't have a session on Friday 20 November 2026");
    expect((await refusal(() => h.command(you, 'session', 'remove'))).message).toContain('Give its date');
  });

  it('is listed in /help', async () => {
    expect(said(await h.command(h.actor('anyone'), 'help', undefined, { command: 'session' }))).toContain(
      '/session remove — Remove a session noted or planned by mistake',
    );
  });
});

describe('a planned session whose day has come', () => {
  const plan = async () => {
    const you = h.actor('you', { platform: 'console', spaceExternalId: 'local' });
    await h.enrol(you, ZONE, '08:00');
    await h.command(you, 'session', 'next', { date: '2026-11-25' });
    return you;
  };

  it('is not treated as a session until confirmed, and is asked about on the day', async () => {
    const you = await plan();
    h.now = at(ZONE, '2026-11-25T12:00');
    expect(phaseFor(h.deps, h.me(you), h.now).phase).toBe('preparation');
    const shown = await h.command(you, 'session');
    expect(said(shown)).toContain('Your session was planned for today, Wednesday 25 November 2026');
    expect(shown.buttons?.map((a) => a.label)).toEqual(['Yes, it happened', "It didn't happen", 'It moved']);

    const yes = h.action(you, button(shown, 'Yes, it happened'));
    expect(said(yes)).toContain('noted that your session on Wednesday 25 November 2026 took place');
    expect(said(yes)).toContain('Right now: a session day.');
    expect(yes.buttons ?? []).toEqual([]);
    expect(() => h.action(you, button(shown, 'Yes, it happened'))).toThrow(/already been answered/);
  });

  it('a cancelled session never becomes "last session": It didn\'t happen removes it', async () => {
    const you = await plan();
    h.now = at(ZONE, '2026-11-27T12:00');
    expect(phaseFor(h.deps, h.me(you), h.now).lastSession).toBeNull();
    const shown = await h.command(you, 'session');
    expect(said(shown)).toContain('Your session was planned for Wednesday 25 November 2026. Did it happen?');
    const no = h.action(you, button(shown, "It didn't happen"));
    expect(said(no)).toContain("I've taken Wednesday 25 November 2026 off");
    expect(h.store.sessions.list(h.me(you).id)).toEqual([]);
  });

  it('It moved takes the date off and asks for the new one', async () => {
    const you = await plan();
    h.now = at(ZONE, '2026-11-25T18:00');
    const moved = h.action(you, button(await h.command(you, 'session'), 'It moved'));
    expect(said(moved)).toContain('/session next 2026-12-02');
    expect(h.store.sessions.list(h.me(you).id)).toEqual([]);
  });

  it('someone else cannot answer for you with your button', async () => {
    const you = await plan();
    h.now = at(ZONE, '2026-11-25T18:00');
    const id = button(await h.command(you, 'session'), 'Yes, it happened');
    const other = h.actor('other');
    await h.enrol(other, ZONE, '08:00');
    expect(() => h.action(other, id)).toThrow(/already been answered/);
    expect(h.store.sessions.list(h.me(you).id).map((s) => s.status)).toEqual(['planned']);
  });

  it('the console check-in nudge on the day asks with the buttons; a chat nudge only points at /session', async () => {
    await plan();
    const them = h.actor('them');
    await h.enrol(them, ZONE, '08:00');
    await h.command(them, 'session', 'next', { date: '2026-11-25' });
    await h.tick(at(ZONE, '2026-11-24T08:00'));
    await h.tickEveryMinute(at(ZONE, '2026-11-25T07:58'), at(ZONE, '2026-11-25T08:00'));
    const mine = h.messenger.to('you').at(-1);
    expect(mine?.message.buttons?.map((a) => a.label)).toContain('Yes, it happened');
    const theirs = h.messenger.to('them').at(-1);
    const text = said(theirs?.message ?? { blocks: [] });
    expect(text).toContain('/session');
    // No date and no answer buttons cross a chat platform (design principle 1).
    expect(text).not.toMatch(/November|2026-11-25/);
    expect(theirs?.message.buttons?.map((a) => a.label)).not.toContain('Yes, it happened');
  });
});
