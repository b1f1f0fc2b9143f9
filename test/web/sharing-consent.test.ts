/**
 * Consent to share with facilitators: off by default, said plainly in /settings, turned on and off by the person
 * alone, and obeyed by the facilitator's pages at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { recordCheckin } from '../../src/features/check-in/checkin.js';
import type { OutMessage } from '../../src/views/message.js';
import { SHARING_EXPLAINED } from '../../src/views/texts.js';
import { AppHarness, at } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';

let h: AppHarness;
let base: string;
let sam: Actor;
const lead = () => h.actor('lead', { isFacilitator: true });

const lines = (m: OutMessage): string[] =>
  m.blocks.flatMap((b) =>
    b.type === 'list' ? b.items : b.type === 'text' || b.type === 'heading' ? [b.text] : [],
  );

beforeEach(async () => {
  h = new AppHarness();
  base = await h.servePages();
  h.now = at(ZONE, '2026-03-10T09:00');
  sam = h.actor('sam', { displayName: 'Sam' });
  await h.enrol(sam, ZONE, '20:00');
  recordCheckin(
    h.deps,
    h.me(sam),
    { mood: '6', sleep: '3', energy: '3', anxiety: '2', reflection: 'Sam wrote this', tags: '' },
    { source: 'web' },
    h.now,
  );
});
afterEach(async () => {
  await h.close();
});

/** A facilitator signs in and reads the roster and Sam's page. */
async function facilitatorSees(): Promise<{ roster: string; memberStatus: number }> {
  const m = await h.command(lead(), 'dashboard');
  const link = m.blocks.find((b) => b.type === 'link');
  const res = await fetch(link?.type === 'link' ? link.url : '');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const member = await fetch(`${base}/dashboard/member/${h.me(sam).id}`, { headers: { cookie } });
  return { roster: await res.text(), memberStatus: member.status };
}

describe('/settings sharing', () => {
  it('is off by default, and /settings says so and how to change it', async () => {
    expect(h.me(sam).shareWithFacilitator).toBe(false);
    expect(lines(await h.command(sam, 'settings'))).toContain(
      'Sharing with facilitators: off (/settings sharing on|off)',
    );
    const seen = await facilitatorSees();
    expect(seen.roster).not.toContain('Sam');
    expect(seen.memberStatus).toBe(404);
  });

  it('with no on/off, explains exactly what facilitators would see, and changes nothing', async () => {
    const m = await h.command(sam, 'settings', 'sharing');
    expect(lines(m)).toEqual([
      'Sharing with facilitators',
      ...SHARING_EXPLAINED,
      'Sharing is off. /settings sharing on turns it on.',
    ]);
    expect(SHARING_EXPLAINED.join(' ')).toMatch(/never see your journal, your intentions, your action plans/);
    expect(h.me(sam).shareWithFacilitator).toBe(false);
  });

  it('on: the facilitator sees Sam at once; off: Sam is gone from the roster and the page at once', async () => {
    const on = await h.command(sam, 'settings', 'sharing', { state: ' ON ' });
    expect(lines(on)).toEqual(
      expect.arrayContaining([
        "Sharing is on: your group's facilitators can now see your check-ins and reflections.",
        'Sharing with facilitators: on (/settings sharing on|off)',
        ...SHARING_EXPLAINED,
      ]),
    );
    const shared = await facilitatorSees();
    expect(shared.roster).toContain('>Sam</a>');
    expect(shared.memberStatus).toBe(200);

    const off = await h.command(sam, 'settings', 'sharing', { state: 'off' });
    expect(lines(off)[0]).toBe(
      'Sharing is off: facilitators can no longer see your check-ins or reflections.',
    );
    expect(h.me(sam).shareWithFacilitator).toBe(false);
    const withdrawn = await facilitatorSees();
    expect(withdrawn.roster).not.toContain('Sam');
    expect(withdrawn.memberStatus).toBe(404);
  });

  it('a word other than on or off is refused kindly and changes nothing', async () => {
    await expect(h.command(sam, 'settings', 'sharing', { state: 'maybe' })).rejects.toMatchObject({
      code: 'invalid-sharing',
      message: 'Say on or off, for example: /settings sharing on',
    });
    expect(h.me(sam).shareWithFacilitator).toBe(false);
  });
});
