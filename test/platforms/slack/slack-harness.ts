import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config.js';
import type { Participant } from '../../../src/domain/entities.js';
import { type Platforms, startPlatforms } from '../../../src/run-platforms.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import type { FakeSlackOptions, Json } from '../../fakes/slack/types.js';
import { RecordingLogger } from '../../helpers/recording-logger.js';
import { TEST_KEY } from '../../helpers/temp-store.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';
export const FACILITATOR_GROUP = 'S0FACILIT01';
export const USERS = {
  robin: { id: 'U0ROBIN0001', name: 'robin' },
  casey: { id: 'U0CASEY0001', name: 'casey' },
  fran: { id: 'U0FRAN00001', name: 'fran' },
  admin: { id: 'U0ADMIN0001', name: 'admin', isAdmin: true },
};

/** The whole bot as production runs it (startPlatforms), with Slack pointed at the loopback fake. */
export class SlackHarness {
  private constructor(
    readonly log: RecordingLogger,
    readonly fake: FakeSlack,
    readonly bot: Platforms,
    readonly dir: string,
    private readonly clockRef: { t: number },
  ) {}

  static async start(
    start: number,
    o: { env?: Record<string, string>; fake?: FakeSlackOptions; socket?: boolean } = {},
  ): Promise<SlackHarness> {
    const fake = await FakeSlack.start({
      signingSecret: SIGNING_SECRET,
      users: Object.values(USERS),
      usergroups: { [FACILITATOR_GROUP]: [USERS.fran.id] },
      limits: false,
      ...o.fake,
    });
    const dir = mkdtempSync(join(tmpdir(), 'interlude-slack-'));
    const clockRef = { t: start };
    const config = parseConfig({
      DATA_DIR: dir,
      ENCRYPTION_KEY: TEST_KEY.toString('hex'),
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ...(o.socket ? { SLACK_APP_TOKEN: fake.appToken } : {}),
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      ...o.env,
    });
    const log = new RecordingLogger();
    const bot = await startPlatforms(config, TEST_KEY, log, { now: () => clockRef.t });
    return new SlackHarness(log, fake, bot, dir, clockRef);
  }

  get deps() {
    return this.bot.runtime.deps;
  }
  get now(): number {
    return this.clockRef.t;
  }
  get baseUrl(): string {
    return `http://127.0.0.1:${this.bot.webPort}`;
  }
  get eventsUrl(): string {
    return `${this.baseUrl}/slack/events`;
  }

  async tick(now: number): Promise<void> {
    this.clockRef.t = now;
    await this.bot.runtime.tick(now);
  }

  participant(userId: string): Participant | null {
    return this.deps.store.participants.byPlatformUser('slack', userId)[0] ?? null;
  }

  /** `/interlude <text>`, signed, acknowledged within 3 s. */
  async command(user: string, text: string, channelId?: string) {
    const r = await this.fake.slashCommand(this.eventsUrl, {
      user,
      text,
      ...(channelId ? { channelId } : {}),
    });
    if (r.ackMs >= 3000) throw new Error(`/interlude ${text} acked after ${r.ackMs} ms`);
    return r;
  }

  async click(user: string, buttonId: string, messageTs?: string) {
    const r = await this.fake.blockAction(this.eventsUrl, {
      user,
      buttonId,
      ...(messageTs ? { messageTs } : {}),
    });
    if (r.ackMs >= 3000) throw new Error(`${buttonId} acked after ${r.ackMs} ms`);
    return r;
  }

  async close(): Promise<void> {
    await this.bot.close();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every button (action_id) in a list of blocks. */
export const actionIds = (blocks: Json[] | undefined): string[] =>
  (blocks ?? []).flatMap((b: Json) => (b.type === 'actions' ? b.elements.map((e: Json) => e.action_id) : []));

export const buttonUrls = (blocks: Json[] | undefined): string[] =>
  (blocks ?? []).flatMap((b: Json) =>
    b.type === 'actions' ? b.elements.map((e: Json) => e.url).filter(Boolean) : [],
  );

/** All visible text of blocks, in order. */
export const textOf = (blocks: Json[] | undefined): string =>
  JSON.stringify(blocks ?? [])
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)
    ?.map((m) => JSON.parse(m.slice(7)))
    .join('\n') ?? '';
