/**
 * One rule (src/app/access.ts) decides who may see and run a command: /help lists exactly what runCommand lets
 * the person run, and no command file reaches back into the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../commands/registry.js';
import { mayRun } from '../../src/app/access.js';
import type { Actor } from '../../src/app/actor.js';
import { AppHarness } from '../helpers/app-harness.js';

const COMMANDS = ALL_COMMANDS();
let h: AppHarness;
beforeEach(() => {
  h = new AppHarness();
});
afterEach(() => h.close());

const listed = async (actor: Actor) => {
  const m = await h.command(actor, 'help');
  const list = m.blocks.find((b) => b.type === 'list');
  return list?.type === 'list' ? list.items.map((i) => i.split(' — ')[0]) : [];
};

describe('who may see and run a command', () => {
  const people: [string, Partial<Actor>][] = [
    ['an ordinary patient', {}],
    ['a facilitator', { isFacilitator: true }],
    ['a server admin', { isSpaceAdmin: true }],
    ['both', { isFacilitator: true, isSpaceAdmin: true }],
  ];

  it.each(people)('/help shows %s exactly the commands runCommand lets them run', async (_, roles) => {
    const actor = h.actor('someone', roles);
    const runnable: string[] = [];
    for (const c of COMMANDS) {
      const r = await h.command(actor, c.name).then(
        () => 'ran',
        (e: { code?: string }) => e.code ?? 'error',
      );
      if (r !== 'not-facilitator' && r !== 'not-admin') runnable.push(`/${c.name}`);
      expect(mayRun(c, actor), `/${c.name}`).toBe(r !== 'not-facilitator' && r !== 'not-admin');
    }
    expect(await listed(actor)).toEqual(runnable);
  });

  it('an ordinary patient is not shown /setup or /dashboard', async () => {
    const shown = await listed(h.actor('patient'));
    expect(shown).not.toContain('/setup');
    expect(shown).not.toContain('/dashboard');
    expect(shown).toContain('/journal');
  });
});

describe('the command files', () => {
  it('never import the registry (it imports them: /help gets the list through its context)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'commands');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'registry.ts')) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from '\.\/registry\.js'/);
    }
  });
});
