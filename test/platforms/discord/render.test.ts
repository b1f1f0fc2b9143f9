import { describe, expect, it } from 'vitest';
import { crisisMessage } from '../../../src/app/crisis.js';
import { escapeDiscord, linkDiscord, unescapeDiscord } from '../../../src/platforms/discord/escape.js';
import { CONTENT_LIMIT, chunk, renderDiscord } from '../../../src/platforms/discord/render.js';
import { moodButtons, shapeForChat } from '../../../src/views/chat-shape.js';
import type { OutMessage } from '../../../src/views/message.js';

const NASTY = [
  '**bold** _it_ ~~s~~ `code` ||spoiler|| <@123> <@&456> @everyone @here',
  '# heading\n## two\n-# subtext\n> quote\n- list\n+ plus\n1. numbered\n   2. indented',
  '[masked](https://evil.example) <https://x.y> :smile: <:e:1> \\ \\\\ \\*',
  'emoji 🌧️👩🏽‍⚕️ and RTL مرحبا and zero-width \u200b here',
];

describe('escapeDiscord', () => {
  it.each(NASTY)('round-trips exactly through what Discord shows: %s', (s) => {
    expect(unescapeDiscord(escapeDiscord(s))).toBe(s);
  });

  it('leaves no markdown, mention or heading a person could trigger', () => {
    const e = escapeDiscord(NASTY.join('\n'));
    expect(e).not.toMatch(/(^|[^\\])\*\*/);
    expect(e).not.toMatch(/(^|[^\\])<@/);
    expect(e).not.toMatch(/^#/m);
    expect(e).not.toMatch(/^-# /m);
    expect(e).not.toMatch(/^> /m);
    expect(e).not.toMatch(/^\d+\. /m);
    expect(e).not.toMatch(/(^|[^\\])\[masked\]/);
  });
});

describe('renderDiscord', () => {
  it('shows a 4,000-character entry exactly, over messages of at most 2,000 characters', () => {
    const entry = `${'*'.repeat(1500)}\n${'é🙂'.repeat(800)}\n${'x'.repeat(900)}`;
    const m: OutMessage = {
      blocks: [
        { type: 'heading', text: 'Journal' },
        { type: 'quote', text: entry },
      ],
    };
    const out = renderDiscord(m);
    expect(out.length).toBeGreaterThan(1);
    for (const p of out) expect(p.content.length).toBeLessThanOrEqual(CONTENT_LIMIT);
    const shown = out
      .map((p) => p.content)
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => unescapeDiscord(l.slice(2)))
      .join('');
    expect(shown).toBe(entry.replace(/\n/g, ''));
  });

  it('never cuts inside an escape or a surrogate pair', () => {
    const pieces = chunk(`\\*${'🙂'.repeat(3000)}`, 2000);
    for (const p of pieces) {
      expect(p).not.toMatch(/\\$/);
      expect(p.charCodeAt(p.length - 1) >= 0xd800 && p.charCodeAt(p.length - 1) <= 0xdbff).toBe(false);
    }
    expect(pieces.join('')).toBe(`\\*${'🙂'.repeat(3000)}`);
  });

  it('puts buttons in rows of five, mood apart from the rest, links as link buttons', () => {
    const m = shapeForChat(
      {
        blocks: [
          { type: 'text', text: 'Time to check in' },
          { type: 'link', label: 'Private page', url: 'https://i.example/l/x' },
        ],
        buttons: [
          { id: 'checkin.open?date=2026-03-02', label: 'Check in', style: 'primary' },
          { id: 'nudge.skip?date=2026-03-02', label: 'Skip today' },
        ],
      },
      true,
    );
    const [p] = renderDiscord(m);
    const rows = p?.components.map((r) => r.components.map((b) => b.label)) ?? [];
    expect(rows).toEqual([
      ['1', '2', '3', '4', '5'],
      ['6', '7', '8', '9', '10'],
      ['Skip today'],
      ['Private page'],
    ]);
    expect(p?.components[3]?.components[0]).toMatchObject({ style: 5, url: 'https://i.example/l/x' });
    expect(p?.components[0]?.components[0]?.custom_id).toBe('checkin.mood?date=2026-03-02&v=1');
  });
});

describe('shapeForChat', () => {
  const form = {
    form: 'checkin' as const,
    localDate: '2026-03-02',
    promptId: 'p1',
    promptText: 'What stayed with you?',
  };

  it('in link mode drops the check-in button beside the link and never shows a form', () => {
    const m = shapeForChat(
      {
        blocks: [{ type: 'link', label: 'Open', url: 'https://i.example/l/x' }],
        buttons: [
          { id: 'checkin.open?date=2026-03-02', label: 'Check in' },
          { id: 'nudge.skip', label: 'Skip' },
        ],
        form,
      },
      false,
    );
    expect(m.buttons?.map((a) => a.id)).toEqual(['nudge.skip']);
    expect(m.form).toBeUndefined();
  });

  it('in chat mode asks mood with buttons first, and shows the whole prompt', () => {
    const m = shapeForChat({ blocks: [], form }, true);
    const scale = m.blocks.find((b) => b.type === 'scale');
    expect(scale?.type === 'scale' && scale.buttons.map((a) => a.id)).toEqual(
      moodButtons('2026-03-02').map((b) => b.id),
    );
    expect(m.buttons ?? []).toEqual([]);
    expect(m.blocks).toContainEqual({ type: 'text', text: 'Today’s reflection: What stayed with you?' });
    expect(shapeForChat({ blocks: [], form: { ...form, mood: 4 } }, true).form?.mood).toBe(4);
  });
});

describe('renderDiscord: Interlude’s own links', () => {
  const CRISIS = [
    '988 Suicide & Crisis Lifeline: call or text 988 (https://988lifeline.org)',
    'Elsewhere: https://findahelpline.com.',
    'Emergency: 911 — @everyone <@123>',
  ];

  it('the crisis lines’ addresses are real links, unescaped; the rest of the line is still escaped', () => {
    const [p] = renderDiscord(crisisMessage({ crisisLines: CRISIS }));
    const content = p?.content ?? '';
    expect(content).toContain('\\(<https://988lifeline.org>\\)');
    expect(content).toContain('<https://findahelpline.com>.');
    expect(content).not.toContain('https\\:');
    expect(content).toContain('Lifeline\\: call');
    // Operator text too never pings.
    expect(content).toContain('\\@everyone \\<\\@123\\>');
  });

  it('a person’s words with an address or a mention stay escaped and inert', () => {
    const words = 'see https://x.y and @everyone <@123> <https://evil.example>';
    const [p] = renderDiscord({
      blocks: [
        { type: 'quote', text: words },
        { type: 'text', text: words },
        { type: 'list', items: [words] },
      ],
    });
    const content = p?.content ?? '';
    expect(content).not.toMatch(/(^|[^\\])<https?:/);
    expect(content).not.toMatch(/https:\/\//);
    expect(content).not.toMatch(/(^|[^\\])@everyone/);
    expect(unescapeDiscord(content)).toContain(words);
  });

  it('a link block is a link button (style 5 with the url), never text', () => {
    const [p] = renderDiscord({
      blocks: [{ type: 'link', label: 'Open your private page', url: 'https://interlude.example/l/abc' }],
    });
    expect(p?.content).toBe('');
    expect(p?.components[0]?.components[0]).toEqual({
      type: 2,
      style: 5,
      label: 'Open your private page',
      url: 'https://interlude.example/l/abc',
    });
  });

  it('an address that could break out of its brackets is not linked', () => {
    expect(linkDiscord('https://x.y/a>b')).toBe(escapeDiscord('https://x.y/a>b'));
    expect(linkDiscord('https://988lifeline.org')).toBe('<https://988lifeline.org>');
  });
});
