import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../commands/registry.js';
import { defineCommand, leaf } from '../../../src/app/command.js';
import { registryOf } from '../../../src/app/run-command.js';
import { DraftCache } from '../../../src/platforms/discord/drafts.js';
import {
  type DiscordAppContext,
  handleInteraction,
} from '../../../src/platforms/discord/handle-interaction.js';
import type { DiscordWho, Responder } from '../../../src/platforms/discord/inbound.js';
import type { DiscordPayload } from '../../../src/platforms/discord/render.js';
import { text } from '../../../src/views/message.js';
import { AppHarness } from '../../helpers/app-harness.js';

/** Every answer the handler gave, in order. */
class RecordingResponder implements Responder {
  readonly calls: { kind: string; content?: string; ephemeral?: boolean }[] = [];
  failOn: string | null = null;
  private record(kind: string, p?: DiscordPayload, ephemeral?: boolean) {
    if (this.failOn === kind) throw new Error(`Discord said no to ${kind}`);
    this.calls.push({
      kind,
      ...(p ? { content: p.content } : {}),
      ...(ephemeral !== undefined ? { ephemeral } : {}),
    });
  }
  async reply(p: DiscordPayload, ephemeral: boolean) {
    this.record('reply', p, ephemeral);
  }
  async update(p: DiscordPayload) {
    this.record('update', p);
  }
  async modal() {
    this.record('modal');
  }
  async defer(kind: 'reply' | 'update', ephemeral: boolean) {
    this.record(`defer-${kind}`, undefined, ephemeral);
  }
  async editOriginal(p: DiscordPayload) {
    this.record('edit', p);
  }
  async followUp(p: DiscordPayload, ephemeral: boolean) {
    this.record('followUp', p, ephemeral);
  }
}

const boom = defineCommand({
  name: 'boom',
  description: 'fails',
  access: 'anyone',
  leaf: leaf({
    description: 'fails',
    options: {},
    run: () => {
      throw new Error('database is on fire');
    },
  }),
});
const slow = defineCommand({
  name: 'slow',
  description: 'takes a while',
  access: 'anyone',
  leaf: leaf({
    description: 'takes a while',
    options: {},
    run: async () => {
      await new Promise((r) => setTimeout(r, 80));
      return { blocks: [text('finally')] };
    },
  }),
});

const inGuild: DiscordWho = {
  guildId: '300000000000000001',
  guildName: 'Group',
  userId: '400000000000000001',
  displayName: 'Alex',
  roleIds: [],
  permissions: 0n,
};
const inDm: DiscordWho = { ...inGuild, guildId: null, guildName: null, permissions: null };

describe('handleInteraction: the one place Discord interactions are answered', () => {
  let h: AppHarness;
  let ctx: DiscordAppContext;
  let r: RecordingResponder;
  beforeEach(() => {
    h = new AppHarness();
    r = new RecordingResponder();
    ctx = {
      deps: h.deps,
      registry: registryOf([...ALL_COMMANDS(), boom, slow]),
      routes: h.routes,
      clock: { now: () => h.now },
      drafts: new DraftCache(),
      deferAfterMs: 20,
    };
  });
  afterEach(() => h.close());

  it('an unexpected error: logged with context, and a short apology with a reference, privately', async () => {
    await handleInteraction(ctx, inGuild, { kind: 'command', name: 'boom', sub: undefined, options: {} }, r);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]).toMatchObject({ kind: 'reply', ephemeral: true });
    const ref = /\b([0-9a-f]{8})\b/.exec(r.calls[0]?.content ?? '')?.[1];
    expect(ref).toBeDefined();
    const logged = h.log.entries.find((e) => e.level === 'error');
    expect(logged?.obj).toMatchObject({ ref, platform: 'discord', kind: 'command', user: inGuild.userId });
    expect(r.calls[0]?.content).not.toContain('fire');
  });

  it('a UserError is shown as it is, kindly; nothing is logged as an error', async () => {
    await handleInteraction(ctx, inDm, { kind: 'command', name: 'nope', sub: undefined, options: {} }, r);
    expect(r.calls[0]?.content).toContain('/help');
    expect(r.calls[0]?.ephemeral).toBe(false); // a DM is already private
    expect(h.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('work that takes longer than the deadline is deferred first, then filled in', async () => {
    await handleInteraction(ctx, inGuild, { kind: 'command', name: 'slow', sub: undefined, options: {} }, r);
    expect(r.calls.map((c) => c.kind)).toEqual(['defer-reply', 'edit']);
    expect(r.calls[1]?.content).toBe('finally');
  });

  it('never throws, even when Discord refuses the answer itself', async () => {
    r.failOn = 'reply';
    await expect(
      handleInteraction(ctx, inGuild, { kind: 'command', name: 'crisis', sub: undefined, options: {} }, r),
    ).resolves.toBeUndefined();
    expect(h.log.entries.some((e) => e.msg === 'could not tell the person about an error')).toBe(true);
  });

  it('an unknown button or a forged form id gets a kind refusal, not a crash', async () => {
    await handleInteraction(ctx, inDm, { kind: 'button', customId: 'x'.repeat(100) }, r);
    await handleInteraction(
      ctx,
      inDm,
      { kind: 'modal', customId: 'checkin.submit?v=99', fields: {}, fromMessage: false },
      r,
    );
    expect(r.calls.map((c) => c.kind)).toEqual(['reply', 'reply']);
    expect(r.calls[0]?.content).toContain('expired');
  });
});
