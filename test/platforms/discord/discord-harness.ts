import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config.js';
import type { Participant } from '../../../src/domain/entities.js';
import { type Platforms, startPlatforms } from '../../../src/run-platforms.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import type {
  CallbackRecord,
  FakeDiscordOptions,
  FakeGuild,
  FakeMember,
  FakeUser,
  Json,
} from '../../fakes/discord/types.js';
import { RecordingLogger } from '../../helpers/recording-logger.js';
import { TEST_KEY } from '../../helpers/temp-store.js';

export const GUILD: FakeGuild = {
  id: '300000000000000001',
  name: 'Thursday integration group',
  roles: [{ id: '300000000000000099', name: 'Facilitators' }],
};
export const FACILITATOR_ROLE = '300000000000000099';
export const MANAGE_GUILD = (1n << 5n).toString();

export interface HarnessOptions {
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
}

/**
 * The whole bot as production runs it (startPlatforms: store, queue, discord.js Client, web server), logged into
 * the loopback Discord, with a clock the test drives.
 */
export class DiscordHarness {
  now: number;
  private constructor(
    readonly log: RecordingLogger,
    readonly fake: FakeDiscord,
    readonly bot: Platforms,
    readonly dir: string,
    start: number,
    private readonly clockRef: { t: number },
  ) {
    this.now = start;
    clockRef.t = start;
  }

  static async start(start: number, o: HarnessOptions = {}): Promise<DiscordHarness> {
    const fake = await FakeDiscord.start({ guilds: [GUILD], ...o.fake });
    const dir = mkdtempSync(join(tmpdir(), 'interlude-discord-'));
    const clockRef = { t: start };
    const config = parseConfig({
      DATA_DIR: dir,
      ENCRYPTION_KEY: TEST_KEY.toString('hex'),
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      HOST: '127.0.0.1',
      PORT: '0',
      ...o.env,
    });
    const log = new RecordingLogger();
    const bot = await startPlatforms(config, TEST_KEY, log, { now: () => clockRef.t });
    return new DiscordHarness(log, fake, bot, dir, start, clockRef);
  }

  get deps() {
    return this.bot.runtime.deps;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.bot.webPort}`;
  }

  set(now: number): void {
    this.now = now;
    this.clockRef.t = now;
  }

  /** Move the clock and run the planner as the minute ticker would, waiting for deliveries to finish. */
  async tick(now: number): Promise<void> {
    this.set(now);
    await this.bot.runtime.tick(now);
  }

  participant(userId: string): Participant | null {
    return this.deps.store.participants.byPlatformUser('discord', userId)[0] ?? null;
  }

  /** A slash command in the user's DMs (or in the guild with `member`), answered. */
  async command(
    user: FakeUser,
    name: string,
    o: {
      sub?: string;
      options?: Record<string, string>;
      guild?: boolean;
      member?: FakeMember;
      optionTypes?: Record<string, number>;
    } = {},
  ): Promise<CallbackRecord> {
    const handle = this.fake.slashCommand({
      user,
      name,
      ...(o.sub ? { subcommand: o.sub } : {}),
      ...(o.options ? { options: o.options } : {}),
      ...(o.optionTypes ? { optionTypes: o.optionTypes } : {}),
      ...(o.guild ? { guildId: GUILD.id, member: o.member ?? {} } : {}),
    });
    const r = await handle.response();
    if ((handle.responseDelayMs ?? Infinity) >= 3000) throw new Error(`/${name} answered after 3 s`);
    return r;
  }

  async click(
    user: FakeUser,
    customId: string,
    messageId?: string,
    inServer = false,
  ): Promise<CallbackRecord> {
    const handle = this.fake.clickButton({
      user,
      customId,
      ...(messageId ? { messageId } : {}),
      ...(inServer ? { guildId: GUILD.id, member: {} } : {}),
    });
    const r = await handle.response();
    if ((handle.responseDelayMs ?? Infinity) >= 3000) throw new Error(`${customId} answered after 3 s`);
    return r;
  }

  async close(): Promise<void> {
    await this.bot.close();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every button custom id in a message's components. */
export const buttonIds = (components: Json[] | undefined): string[] =>
  (components ?? []).flatMap((row: Json) =>
    (row.components ?? []).map((b: Json) => b.custom_id).filter(Boolean),
  );

/** Every link button url. */
export const linkUrls = (components: Json[] | undefined): string[] =>
  (components ?? []).flatMap((row: Json) => (row.components ?? []).map((b: Json) => b.url).filter(Boolean));

export const EPHEMERAL = 64;
