import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { crisisMessage } from '../../../src/app/crisis.js';
import { registryOf } from '../../../src/app/run-command.js';
import { plainIds, unescapeSlack } from '../../../src/platforms/slack/mentions.js';
import { escapeMrkdwn, renderSlack } from '../../../src/platforms/slack/render.js';
import { slackCommandNames, slackify } from '../../../src/platforms/slack/slack-text.js';
import { textOf } from './slack-harness.js';

const WORDS = '*not bold* _no_ ~no~ `no` <@U0CASEY0001> <!channel> :smile: & 🌧️ שלום';

describe('renderSlack', () => {
  it('shows a person’s words exactly: plain_text without emoji conversion, rich_text for quotes', () => {
    const [p] = renderSlack({
      blocks: [
        { type: 'text', text: WORDS },
        { type: 'quote', text: WORDS },
      ],
    });
    expect(p?.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'plain_text', text: WORDS, emoji: false },
    });
    expect(p?.blocks[1]?.elements[0]).toEqual({
      type: 'rich_text_quote',
      elements: [{ type: 'text', text: WORDS }],
    });
    expect(p?.text).toBe(escapeMrkdwn(WORDS));
    expect(p?.text).not.toContain('<@');
  });

  it('splits a 4,000-character entry into sections within Slack’s 3,000, losing nothing', () => {
    const entry = `${'ab🙂'.repeat(1000)}`;
    const [p] = renderSlack({ blocks: [{ type: 'quote', text: entry }] });
    const texts = (p?.blocks ?? []).map((b) => b.elements[0].elements[0].text as string);
    expect(texts.length).toBe(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(texts.join('')).toBe(entry);
  });

  it('keeps to 50 blocks a message, buttons on the last', () => {
    const out = renderSlack({
      blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })),
      buttons: [{ id: 'nudge.skip', label: 'Skip' }],
    });
    expect(out.length).toBe(3);
    for (const p of out) expect(p.blocks.length).toBeLessThanOrEqual(50);
    expect(out.at(-1)?.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('Slack text', () => {
  const names = slackCommandNames(registryOf(ALL_COMMANDS()));
  it('names commands as /interlude <name> in our texts, never in a person’s quoted words', () => {
    const m = slackify(
      {
        blocks: [
          { type: 'text', text: 'Type /help, or /checkin (or /nothing).' },
          { type: 'quote', text: 'I typed /help' },
        ],
      },
      names,
    );
    expect(textOf(renderSlack(m)[0]?.blocks)).toContain(
      'Type /interlude help, or /interlude checkin (or /nothing).',
    );
    expect(m.blocks[1]).toEqual({ type: 'quote', text: 'I typed /help' });
  });

  it('reads mentions and Slack’s escaping back to what was typed', () => {
    expect(plainIds('facilitator-role <!subteam^S0FACILIT01|@facilitators>')).toBe(
      'facilitator-role S0FACILIT01',
    );
    expect(plainIds('<@U0ANA00001|ana> <@U0SAM00001>')).toBe('U0ANA00001 U0SAM00001');
    expect(unescapeSlack('a &lt;b&gt; &amp;lt;')).toBe('a <b> &lt;');
  });
});

describe('renderSlack: Interlude’s own links', () => {
  it('crisis line addresses are rich_text link elements; the words around them and a person’s stay text', () => {
    const line = '988 Lifeline: call or text 988 (https://988lifeline.org) <!channel>';
    const [p] = renderSlack(crisisMessage({ crisisLines: [line, 'Emergency: 911'] }));
    const list = p?.blocks.find((b) => b.type === 'rich_text')?.elements[0];
    expect(list.elements[0].elements).toEqual([
      { type: 'text', text: '988 Lifeline: call or text 988 (' },
      { type: 'link', url: 'https://988lifeline.org' },
      { type: 'text', text: ') <!channel>' },
    ]);
    expect(list.elements[1].elements).toEqual([{ type: 'text', text: 'Emergency: 911' }]);

    const [mine] = renderSlack({ blocks: [{ type: 'list', items: ['see https://x.y <!here>'] }] });
    expect(JSON.stringify(mine?.blocks)).not.toContain('"type":"link"');
  });

  it('a link block is a link button with its url', () => {
    const [p] = renderSlack({
      blocks: [{ type: 'link', label: 'Open', url: 'https://interlude.example/l/x' }],
    });
    expect(p?.blocks[0]?.elements[0]).toMatchObject({ type: 'button', url: 'https://interlude.example/l/x' });
  });
});
