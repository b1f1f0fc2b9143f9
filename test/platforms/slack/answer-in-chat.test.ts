import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../helpers/app-harness.js';
import { actionIds, SlackHarness, textOf, USERS } from './slack-harness.js';

const ZONE = 'Australia/Lord_Howe';
const { robin } = USERS;
const REFLECTION = 'Slow morning, kind evening 🌅 — “still here” <b>ok</b> & *fine*';

const select = (v: string) => ({ type: 'static_select', selected_option: { value: v } });

describe('Slack with ANSWER_IN_CHAT=true: mood buttons, then a modal', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(at(ZONE, '2026-04-03T18:00'), { env: { ANSWER_IN_CHAT: 'true' } });
    const offer = await h.command(robin.id, `start zone:${ZONE} time:19:30`);
    const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
    const r = await h.click(robin.id, agree ?? '');
    await r.waitForResponses(1);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a journal entry typed after /interlude journal is stored exactly as written (Slack’s escapes undone)', async () => {
    const entry = '*not bold* <@U0CASEY0001> :smile: & <script>x</script> 🌧️ שלום';
    const saved = await h.command(
      robin.id,
      `journal ${entry.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
    expect(textOf(saved.body.blocks)).toContain('Saved');
    expect(h.deps.store.journal.all(h.participant(robin.id)?.id ?? 0).map((e) => e.text)).toEqual([entry]);
  });

  it('a mood button opens the modal with the whole prompt; a problem keeps the modal open; then it saves', async () => {
    await h.tick(at(ZONE, '2026-04-03T19:30'));
    const nudge = h.fake.messagesTo(robin.id)[0];
    const mood = actionIds(nudge?.blocks).filter((id) => id.startsWith('checkin.mood'));
    expect(mood).toHaveLength(10);
    const clicked = await h.click(robin.id, mood[5] ?? '', nudge?.ts);
    expect(clicked.status).toBe(200);
    await h.fake.waitForCall((c) => c.method === 'views.open');
    const view = h.fake.views[0];
    expect(view?.callbackId).toBe('checkin.submit');
    expect(view?.blocks.map((b: { block_id?: string }) => b.block_id).filter(Boolean)).toEqual([
      'sleep',
      'energy',
      'anxiety',
      'reflection',
      'tags',
    ]);

    // A bell character is refused by the reflection's rules: the modal stays, with the reason under the field.
    const values = (reflection: string) => ({
      sleep: { sleep: select('4') },
      energy: { energy: select('3') },
      anxiety: { anxiety: select('2') },
      reflection: { reflection: { type: 'plain_text_input', value: reflection } },
      tags: { tags: { type: 'checkboxes', selected_options: [{ value: 'time-outside' }] } },
    });
    const refused = await h.fake.viewSubmission(h.eventsUrl, {
      user: robin.id,
      view: {
        id: view?.id,
        callback_id: 'checkin.submit',
        private_metadata: view?.privateMetadata,
        state: { values: values('ring\u0007') },
      },
    });
    expect(refused.body.response_action).toBe('errors');
    expect(Object.keys(refused.body.errors)).toEqual(['reflection']);
    expect(h.deps.store.checkins.all(h.participant(robin.id)?.id ?? 0)).toEqual([]);

    const saved = await h.fake.viewSubmission(h.eventsUrl, {
      user: robin.id,
      view: {
        id: view?.id,
        callback_id: 'checkin.submit',
        private_metadata: view?.privateMetadata,
        state: { values: values(REFLECTION) },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.ackMs).toBeLessThan(3000);
    expect(h.deps.store.checkins.all(h.participant(robin.id)?.id ?? 0)).toMatchObject([
      {
        localDate: '2026-04-03',
        mood: 6,
        sleep: 4,
        energy: 3,
        anxiety: 2,
        reflection: REFLECTION,
        tags: ['time-outside'],
        source: 'chat',
      },
    ]);
    await h.fake.waitForCall((c) => c.method === 'chat.update');
    expect(textOf(h.fake.messagesTo(robin.id)[0]?.blocks)).toContain('Thank you');
  });

  it('/interlude export sends the files to the DM', async () => {
    await h.command(robin.id, 'export');
    await h.fake.waitForCall((c) => c.method === 'files.completeUploadExternal');
    const json = h.fake.files.find((f) => f.filename === 'interlude-export.json');
    expect(json?.content.toString('utf8')).toContain(JSON.stringify(REFLECTION).slice(1, -1));
    expect(h.fake.files.filter((f) => f.filename.endsWith('.csv')).length).toBeGreaterThan(0);
  });
});

describe('Slack in Socket Mode', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(at(ZONE, '2026-04-03T18:00'), { socket: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it('connects out to Slack and answers a command over the socket, acknowledged in time', async () => {
    expect(h.fake.socketClients).toBe(1);
    const r = await h.fake.socketSlashCommand({ user: robin.id, text: 'crisis' });
    expect(r.ackMs).toBeLessThan(3000);
    expect(textOf(r.body?.blocks)).toContain('988');
  });
});
