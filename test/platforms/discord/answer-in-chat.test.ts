import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeDiscord } from '../../../src/platforms/discord/escape.js';
import type { FakeUser, Json } from '../../fakes/discord/types.js';
import { at } from '../../helpers/app-harness.js';
import { buttonIds, DiscordHarness } from './discord-harness.js';

const ZONE = 'Asia/Kathmandu';
const robin: FakeUser = { id: '500000000000000001', username: 'robin', globalName: 'Robin' };
const REFLECTION = `${'A long walk, and the river 🌊 — שלום. '.repeat(100)}<b>still here</b>`.slice(0, 3990);

/** Text inputs of a modal, by custom id. */
const inputs = (modal: Json): Record<string, Json> =>
  Object.fromEntries(
    (modal.components as Json[]).flatMap((row: Json) =>
      [row.component, ...(row.components ?? [])].filter(Boolean).map((c: Json) => [c.custom_id, c]),
    ),
  );

describe('Discord with ANSWER_IN_CHAT=true: mood buttons, then a modal', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await DiscordHarness.start(at(ZONE, '2026-03-02T07:00'), { env: { ANSWER_IN_CHAT: 'true' } });
    const consent = await h.command(robin, 'start', { options: { zone: ZONE, time: '20:15' } });
    const agree = buttonIds(consent.data.components).find((id) => id.startsWith('enrol.agree'));
    await h.click(robin, agree ?? '');
  });
  afterAll(async () => {
    await h.close();
  });

  it('the nudge asks mood with buttons 1-10, with skip and snooze beside them', async () => {
    await h.tick(at(ZONE, '2026-03-02T20:15'));
    const [nudge] = h.fake.messagesTo(robin.id);
    const ids = buttonIds(nudge?.components);
    expect(
      ids
        .filter((id) => id.startsWith('checkin.mood'))
        .map((id) => new URLSearchParams(id.split('?')[1]).get('v')),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(ids.some((id) => id.startsWith('nudge.skip'))).toBe(true);
    expect(ids.some((id) => id.startsWith('nudge.snooze'))).toBe(true);
  });

  it('a mood button opens the modal; a refused answer keeps what was typed for “Try again”', async () => {
    const nudge = h.fake.messagesTo(robin.id)[0];
    const seven = buttonIds(nudge?.components).find((id) => id.endsWith('v=7'));
    const modal = await h.click(robin, seven ?? '', nudge?.id);
    expect(modal.type).toBe(9);
    const fields = inputs(modal.data);
    expect(Object.keys(fields)).toEqual(['sleep', 'energy', 'anxiety', 'reflection', 'tags']);
    // Each question in a Label component (type 18): scales and tags as selects, the reflection as text.
    for (const c of modal.data.components as Json[]) {
      expect(c.type).toBe(18);
      expect(c.label.length).toBeLessThanOrEqual(45);
    }
    expect([fields.sleep.type, fields.reflection.type, fields.tags.type]).toEqual([3, 4, 3]);
    expect(fields.tags.options.map((o: Json) => o.label)).toContain('moved my body');

    // A bell character is refused by the reflection's rules (a select cannot hold a wrong number).
    const bad = h.fake.submitModal({
      user: robin,
      customId: modal.data.custom_id,
      fields: { sleep: '4', energy: '3', anxiety: '2', reflection: `${REFLECTION}\u0007`, tags: '' },
    });
    const refused = await bad.response();
    expect(unescapeDiscord(refused.data.content)).toContain('invisible control character');
    const p = h.participant(robin.id);
    expect(h.deps.store.checkins.all(p?.id ?? 0)).toEqual([]);

    const retry = buttonIds(refused.data.components).find((id) => id.startsWith('checkin.retry'));
    const again = await h.click(robin, retry ?? '');
    expect(again.type).toBe(9);
    expect(inputs(again.data).reflection.value).toBe(`${REFLECTION}\u0007`);
    expect(inputs(again.data).sleep.options.find((o: Json) => o.default)?.value).toBe('4');

    const good = h.fake.submitModal({
      user: robin,
      customId: again.data.custom_id,
      fields: {
        sleep: '4',
        energy: '3',
        anxiety: '2',
        reflection: REFLECTION,
        tags: 'time-outside,exercised',
      },
    });
    const thanks = await good.response();
    expect(unescapeDiscord(thanks.data.content)).toContain('Thank you');
    expect(h.deps.store.checkins.all(p?.id ?? 0)).toMatchObject([
      {
        localDate: '2026-03-02',
        mood: 7,
        sleep: 4,
        reflection: REFLECTION,
        tags: ['time-outside', 'exercised'],
        source: 'chat',
      },
    ]);
  });

  it('/checkin also starts with mood buttons, and shows the whole reflection prompt', async () => {
    const r = await h.command(robin, 'checkin');
    expect(buttonIds(r.data.components).filter((id) => id.startsWith('checkin.mood'))).toHaveLength(10);
    expect(unescapeDiscord(r.data.content)).toContain('Today’s reflection:');
  });

  it('/export arrives as file attachments: JSON and CSV, the words exact', async () => {
    const r = await h.command(robin, 'export');
    const names = r.files.map((f) => f.filename);
    expect(names).toContain('interlude-export.json');
    expect(names.filter((n) => n.endsWith('.csv')).length).toBeGreaterThan(0);
    const json = JSON.parse(
      r.files.find((f) => f.filename === 'interlude-export.json')?.data.toString('utf8') ?? '{}',
    );
    expect(JSON.stringify(json)).toContain(JSON.stringify(REFLECTION).slice(1, -1));
  });

  it('/forget asks first, then erases everything', async () => {
    const ask = await h.command(robin, 'forget');
    const confirm = buttonIds(ask.data.components).find((id) => id.startsWith('forget.confirm'));
    const done = await h.click(robin, confirm ?? '');
    expect(done.type).toBe(7);
    expect(h.participant(robin.id)).toBeNull();
  });
});
