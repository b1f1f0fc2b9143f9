import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { discordCommands } from '../../../src/platforms/discord/command-data.js';
import { commandProblem } from '../../fakes/discord/command-validation.js';

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe('discordCommands', () => {
  // Every option registered (ANSWER_IN_CHAT); link mode leaves out the chat-only ones (test/web/page-forms.test.ts).
  const cmds = discordCommands(ALL_COMMANDS(), true);

  it('registers every command from commands/, within Discord’s limits', () => {
    expect(cmds.map((c) => c.name)).toEqual(ALL_COMMANDS().map((c) => c.name));
    const all = cmds.flatMap((c) => [c, ...c.options, ...c.options.flatMap((o) => o.options ?? [])]);
    for (const x of all) {
      expect(x.name).toMatch(NAME);
      expect(x.description.length).toBeGreaterThan(0);
      expect(x.description.length).toBeLessThanOrEqual(100);
    }
    for (const c of cmds) {
      const opts =
        c.options.length && c.options[0]?.type === 1
          ? c.options.flatMap((o) => [o.options ?? []])
          : [c.options];
      for (const list of opts) {
        // required options first, as Discord insists
        const firstOptional = list.findIndex((o) => !o.required);
        expect(list.slice(firstOptional === -1 ? list.length : firstOptional).every((o) => !o.required)).toBe(
          true,
        );
        expect(list.length).toBeLessThanOrEqual(25);
      }
    }
  });

  it('passes every rule the loopback Discord checks, and gives each option kind its native type', () => {
    expect(cmds.map((c, i) => commandProblem(i, c as never))).toEqual(cmds.map(() => null));
    const TYPE = { 'on-off': 5, integer: 4, role: 8, user: 6, channel: 7 } as Record<string, number>;
    for (const [i, c] of ALL_COMMANDS().entries()) {
      const leaves = c.leaf
        ? [[c.leaf, cmds[i]?.options ?? []] as const]
        : Object.entries(c.subcommands ?? {}).map(
            ([name, l]) => [l, cmds[i]?.options.find((o) => o.name === name)?.options ?? []] as const,
          );
      for (const [l, registered] of leaves) {
        for (const [name, o] of Object.entries(l.options)) {
          const r = registered.find((x) => x.name === name);
          expect(r?.type, `/${c.name} ${name}`).toBe(TYPE[o.kind] ?? 3);
          expect(r?.required, `/${c.name} ${name}`).toBe(o.required === true);
          if (o.kind === 'choice') expect(r?.choices?.map((x) => x.value)).toEqual([...o.choices]);
        }
      }
    }
  });

  it('keeps facilitator and admin commands to servers, and offers a role picker for /setup', () => {
    const by = new Map(cmds.map((c) => [c.name, c]));
    expect(by.get('dashboard')?.contexts).toEqual([0]);
    expect(by.get('setup')?.contexts).toEqual([0]);
    expect(by.get('setup')?.default_member_permissions).toBe('32');
    expect(by.get('journal')?.contexts).toEqual([0, 1]);
    const role = by.get('setup')?.options.find((o) => o.name === 'facilitator-role')?.options?.[0];
    expect(role).toMatchObject({ type: 8, name: 'role', required: true });
    expect(by.get('crisis')?.contexts).toEqual([0, 1]);
  });
});
