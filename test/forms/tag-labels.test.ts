/**
 * Defect (issue 12): the console asked for tags by id (`exercised`) while the page showed labels ("moved my
 * body"). One definition holds value and label once; every surface shows the label and stores the value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKIN_TAGS, checkinFormFor, TAG_LABELS } from '../../src/domain/checkin-form.js';
import { checkinModal } from '../../src/platforms/discord/checkin-modal.js';
import { checkinView } from '../../src/platforms/slack/checkin-view.js';
import { checkinPage } from '../../src/web/pages/checkin-page.js';
import { reopenStore, runConsole } from '../platforms/console/harness.js';

const LABELS = CHECKIN_TAGS.map((t) => TAG_LABELS[t]);
/** Ids that differ from their labels: none of them should be shown to a person. */
const BARE_IDS = CHECKIN_TAGS.filter((t) => TAG_LABELS[t] !== t);
const form = {
  form: 'checkin' as const,
  localDate: '2026-11-23',
  promptId: 'p',
  promptText: 'What stayed?',
  mood: 6,
};

const dir = mkdtempSync(join(tmpdir(), 'interlude-tags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one set of tag labels on every surface', () => {
  it('the console asks with the labels, takes a label as the answer, and stores the id', async () => {
    const run = await runConsole(dir, '2026-11-23T09:00:00Z', [
      '/start zone:Europe/London time:08:00',
      '1',
      '/checkin',
      '6',
      '4',
      '3',
      '2',
      'a quiet morning',
      'moved my body, time outside',
    ]);
    const question = run.output.split('\n').find((l) => l.trim().startsWith('(6/6)')) ?? '';
    for (const label of LABELS) expect(question).toContain(label);
    // What is left once the labels are taken out names no tag: no id was shown beside them.
    const rest = LABELS.reduce((q, label) => q.replace(label, ''), question);
    for (const id of BARE_IDS) expect(rest).not.toMatch(new RegExp(`\\b${id}\\b`));
    const store = reopenStore(dir);
    try {
      const space = store.spaces.ensure('console', 'local', 'Console', Date.parse('2026-11-23T09:00:00Z'));
      const p = store.participants.find(space.id, 'you');
      expect(store.checkins.all(p?.id ?? 0)).toMatchObject([{ tags: ['exercised', 'time-outside'] }]);
    } finally {
      store.close();
    }
  });

  it('the page, the Discord modal and the Slack view show the same labels, with the ids as values', () => {
    const page = checkinPage(
      {
        heading: 'Check-in',
        notice: [],
        csrfToken: 't',
        ticket: 'x',
        promptText: 'What stayed?',
        intro: [],
        values: {},
        error: null,
      },
      { crisisLines: [] },
    );
    const onPage = [...page.matchAll(/name="tags" value="([a-z-]+)"> ([^<]+)<\/label>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    const discordTags = checkinModal(form).components.find(
      (c) => c.component.custom_id === 'tags',
    )?.component;
    const onDiscord =
      discordTags && 'options' in discordTags ? discordTags.options.map((o) => [o.value, o.label]) : [];
    const slackTags = checkinView(form).blocks.find((b: { block_id?: string }) => b.block_id === 'tags');
    const onSlack = slackTags.element.options.map((o: { value: string; text: { text: string } }) => [
      o.value,
      o.text.text,
    ]);
    const expected = CHECKIN_TAGS.map((t) => [t, TAG_LABELS[t]]);
    expect(onPage).toEqual(expected);
    expect(onDiscord).toEqual(expected);
    expect(onSlack).toEqual(expected);
    expect(checkinFormFor('x').fields.find((f) => f.key === 'tags')).toMatchObject({ kind: 'multi-choice' });
  });
});
