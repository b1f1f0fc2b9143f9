/**
 * The command surface as a person meets it: /help covers everything in commands/registry.ts, /crisis answers
 * anyone at once, and every participant command asks a newcomer to /start first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { defineCommand, leaf } from '../../src/app/command.js';
import { registryOf, runCommand } from '../../src/app/run-command.js';
import { UserError } from '../../src/errors.js';
import { type Block, message, type OutMessage, text } from '../../src/views/message.js';
import { NOT_EMERGENCY } from '../../src/views/texts.js';
import { AppHarness, at, TEST_SETTINGS } from '../helpers/app-harness.js';

const ZONE = 'Europe/London';
const COMMANDS = ALL_COMMANDS();

let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
  h.now = at(ZONE, '2026-03-02T09:00');
});
afterEach(async () => {
  await h.close();
});

/** Every string a message shows, in order. */
const words = (m: OutMessage): string[] =>
  m.blocks.flatMap((b: Block) =>
    b.type === 'list'
      ? b.items
      : b.type === 'fields'
        ? b.fields.flatMap((f) => [f.label, f.value])
        : b.type === 'link'
          ? [b.label, b.url]
          : 'text' in b
            ? [b.text]
            : [b.label],
  );

const PERSON_TABLES = [
  'participants',
  'sessions',
  'checkins',
  'journal_entries',
  'intentions',
  'action_plans',
  'deliveries',
  'prompt_history',
];
const personRows = () => PERSON_TABLES.map((t) => h.rowCounts()[t]);

describe('/help', () => {
  it('lists every command in the registry, in registry order, with its description', async () => {
    const m = await h.command(h.actor('newbie'), 'help');
    const list = m.blocks.find((b) => b.type === 'list');
    const forEveryone = COMMANDS.filter((c) => c.access !== 'facilitator' && c.access !== 'admin');
    expect(list?.type === 'list' && list.items).toEqual(
      forEveryone.map((c) => `/${c.name} — ${c.description}`),
    );
    const staff = await h.command(h.actor('lead', { isFacilitator: true, isSpaceAdmin: true }), 'help');
    const all = staff.blocks.find((b) => b.type === 'list');
    expect(all?.type === 'list' && all.items).toEqual(COMMANDS.map((c) => `/${c.name} — ${c.description}`));
    expect(COMMANDS.map((c) => c.name)).toEqual(
      expect.arrayContaining(['start', 'checkin', 'journal', 'crisis', 'help', 'export', 'forget']),
    );
    expect(words(m).join('\n')).toContain('/crisis');
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '/help %s explains the command and each of its parts',
    async (name, cmd) => {
      for (const asked of [name, `/${name}`, name.toUpperCase()]) {
        const m = await h.command(h.actor('newbie'), 'help', undefined, { command: asked });
        const shown = words(m);
        expect(m.blocks[0]).toEqual({ type: 'heading', text: `/${name}` });
        expect(shown).toContain(cmd.description);
        const leaves = cmd.leaf
          ? [[`/${name}`, cmd.leaf] as const]
          : Object.entries(cmd.subcommands ?? {}).map(([s, l]) => [`/${name} ${s}`, l] as const);
        expect(leaves.length).toBeGreaterThan(0);
        for (const [usage, l] of leaves) {
          expect(shown).toContain(`${usage} — ${l.description}`);
          for (const [option, spec] of Object.entries(l.options)) {
            expect(shown).toContain(`${option}: ${spec.description}`);
          }
          for (const e of l.examples ?? []) expect(shown).toContain(`e.g. /${e}`);
        }
      }
    },
  );

  it('/help for a command that does not exist says so and points to /help', async () => {
    await expect(h.command(h.actor('newbie'), 'help', undefined, { command: 'teleport' })).rejects.toThrow(
      /I don't have a \/teleport command\. \/help lists them all\./,
    );
  });

  it('every option of every command is described, so /help never shows an empty explanation', () => {
    for (const c of COMMANDS) {
      const leaves = c.leaf ? [c.leaf] : Object.values(c.subcommands ?? {});
      for (const l of leaves) {
        expect(l.description.length, `/${c.name}`).toBeGreaterThan(0);
        for (const [option, spec] of Object.entries(l.options)) {
          expect(spec.description, `/${c.name} ${option}`).not.toBe('');
        }
      }
    }
  });
});

describe('/crisis', () => {
  it('works before /start: the configured lines and the not-an-emergency notice, and nothing is written', async () => {
    const before = h.rowCounts();
    const m = await h.command(h.actor('stranger'), 'crisis');
    expect(m.blocks).toContainEqual({ type: 'list', items: TEST_SETTINGS.crisisLines });
    expect(m.blocks).toContainEqual({ type: 'notice', text: NOT_EMERGENCY });
    expect(NOT_EMERGENCY).toContain('not an emergency service');
    expect(h.rowCounts()).toEqual(before);
    expect(h.store.participants.count()).toBe(0);
  });

  it('shows the lines a clinic configured, not built-in ones', async () => {
    await h.close();
    h = new AppHarness({ settings: { crisisLines: ['Samaritans (UK): call 116 123, free, any time'] } });
    const m = await h.command(h.actor('stranger', { platform: 'slack', spaceExternalId: 'T0123' }), 'crisis');
    expect(m.blocks).toContainEqual({
      type: 'list',
      items: ['Samaritans (UK): call 116 123, free, any time'],
    });
    expect(words(m).join('\n')).not.toContain('988');
  });

  it('answers an enrolled person the same way', async () => {
    const alex = h.actor('alex');
    await h.enrol(alex, ZONE, '20:00');
    const m = await h.command(alex, 'crisis');
    expect(m.blocks).toContainEqual({ type: 'list', items: TEST_SETTINGS.crisisLines });
    expect(m.blocks).toContainEqual({ type: 'notice', text: NOT_EMERGENCY });
  });
});

describe('before /start', () => {
  const participantInvocations: [string, string | undefined][] = COMMANDS.filter(
    (c) => c.access === 'participant',
  ).flatMap((c): [string, string | undefined][] =>
    c.leaf
      ? [[c.name, undefined]]
      : Object.keys(c.subcommands ?? {}).map((s): [string, string] => [c.name, s]),
  );

  it('the participant commands are the ones expected', () => {
    expect(new Set(participantInvocations.map(([n]) => n))).toEqual(
      new Set([
        'checkin',
        'journal',
        'intention',
        'action',
        'session',
        'summary',
        'settings',
        'pause',
        'resume',
        'skip',
        'export',
        'forget',
      ]),
    );
  });

  it.each(participantInvocations)(
    '/%s %s gets the kind not-enrolled message and creates no one',
    async (name, sub) => {
      const before = personRows();
      let caught: unknown;
      try {
        // Options a real person might type, so the refusal is about enrolment, not about the input.
        await h.command(h.actor('newbie'), name, sub, {
          text: 'hello',
          date: '2026-03-01',
          number: '1',
          time: '08:00',
        });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(UserError);
      expect((caught as UserError).code).toBe('not-enrolled');
      expect((caught as UserError).message).toBe(
        "You haven't started with Interlude yet. Type /start to begin — it takes a minute, and you can stop any time.",
      );
      expect(personRows()).toEqual(before);
    },
  );

  it('the same command with its default subcommand is refused the same way', async () => {
    for (const name of ['journal', 'intention', 'action', 'session', 'settings']) {
      await expect(h.command(h.actor('newbie'), name)).rejects.toMatchObject({ code: 'not-enrolled' });
    }
  });

  it.each(['checkin.open', 'nudge.skip', 'nudge.snooze?m=60', 'forget.confirm'])(
    'the %s button from someone not enrolled gets the same message',
    (id) => {
      expect(() => h.action(h.actor('newbie'), id)).toThrow(/haven't started with Interlude yet/);
      expect(h.store.participants.count()).toBe(0);
    },
  );

  it('/start shows consent and the not-an-emergency notice, writes no participant, and the agree button enrols', async () => {
    const newbie = h.actor('newbie');
    const offer = await h.command(newbie, 'start', undefined, { zone: 'america/new york', time: '7:30' });
    expect(h.store.participants.count()).toBe(0);
    expect(offer.blocks).toContainEqual({ type: 'notice', text: NOT_EMERGENCY });
    expect(words(offer).join('\n')).toContain('America/New_York');
    expect(offer.buttons?.map((a) => a.id)).toEqual([
      'enrol.agree?zone=America%2FNew_York&time=07%3A30',
      'enrol.cancel',
    ]);

    expect(words(h.action(newbie, 'enrol.cancel')).join(' ')).toContain('Nothing was saved');
    expect(h.store.participants.count()).toBe(0);

    h.action(newbie, offer.buttons?.[0]?.id ?? '');
    const p = h.me(newbie);
    expect([p.zone, p.checkinTime, p.userId]).toEqual(['America/New_York', '07:30', 'newbie']);
    // Pressing agree twice enrols once.
    h.action(newbie, offer.buttons?.[0]?.id ?? '');
    expect(h.store.participants.count()).toBe(1);
    const again = await h.command(newbie, 'start');
    expect(words(again).join(' ')).toContain("You're already set up");
  });

  it('/start with no zone, where the surface knows none, asks for one', async () => {
    await expect(h.command(h.actor('newbie'), 'start')).rejects.toMatchObject({
      code: 'zone-needed',
      message: expect.stringContaining('/start zone:Europe/London'),
    });
  });
});

describe('who may run a command', () => {
  // No facilitator command is registered yet; this one exists only to exercise runCommand's access check.
  const roster = defineCommand({
    name: 'roster',
    description: 'Members who chose to share',
    access: 'facilitator',
    leaf: leaf({
      description: 'Members who chose to share',
      options: {},
      run: () => message(text('roster')),
    }),
  });
  const registry = registryOf([...COMMANDS, roster]);

  it('a facilitator command is refused to a member, kindly, and runs for a facilitator', async () => {
    await expect(
      runCommand(h.deps, registry, h.actor('member'), { name: 'roster', options: {} }, h.now),
    ).rejects.toMatchObject({
      code: 'not-facilitator',
      message: expect.stringContaining('/roster is for the group'),
    });
    const m = await runCommand(
      h.deps,
      registry,
      h.actor('lead', { isFacilitator: true }),
      { name: 'roster', options: {} },
      h.now,
    );
    expect(m.blocks).toEqual([{ type: 'text', text: 'roster' }]);
  });
});
