/**
 * The app as the composition root builds it, for app-layer tests: a real SQLite file, the real in-process queue,
 * the real use cases and command registry. Only the platform is a stand-in (RecordingMessenger), and the clock is
 * a plain number the test moves by hand.
 */
import type { Server } from 'node:http';
import { DateTime } from 'luxon';
import { ALL_COMMANDS } from '../../commands/registry.js';
import type { Actor } from '../../src/app/actor.js';
import { handleButton } from '../../src/app/buttons.js';
import type { AppDeps, AppSettings } from '../../src/app/deps.js';
import { type Feature, type Routes, routesOf } from '../../src/app/feature.js';
import type { DeliveryOutbox } from '../../src/app/outbox.js';
import { findParticipant } from '../../src/app/participants.js';
import { planTick, type TickResult } from '../../src/app/plan-nudges.js';
import { type Registry, registryOf, runCommand } from '../../src/app/run-command.js';
import { assemble, senderOf } from '../../src/compose.js';
import type { Participant } from '../../src/domain/entities.js';
import { MINUTE } from '../../src/domain/types.js';
import { confirmEnrolment } from '../../src/features/enrolment/enrol.js';
import { FEATURES } from '../../src/features/index.js';
import type { Messenger, Recipient, SendOptions, SendResult } from '../../src/ports/messenger.js';
import { InProcessQueue } from '../../src/queue/in-process-queue.js';
import { openStore, type SqliteStore } from '../../src/store/open-store.js';
import type { OutMessage } from '../../src/views/message.js';
import { PAGE_LANDINGS } from '../../src/web/routes/landings.js';
import { createWebApp, startWebServer } from '../../src/web/server.js';
import { RecordingLogger } from './recording-logger.js';
import { TEST_KEY, type TempStore, tempStore } from './temp-store.js';

export { type LogEntry, RecordingLogger } from './recording-logger.js';

export const TEST_SETTINGS: AppSettings = {
  followUpAfterHours: 3,
  graceMinutes: 120,
  boosterIntervalDays: 42,
  crisisLines: ['Test Crisis Line: call 000-111-2222', 'Test Text Line: text HOME to 3333'],
  defaultCheckinTime: '20:00',
  defaultZone: null,
  // As shipped (DEFAULT_QUIET_HOURS): tests see the quiet hours people get.
  defaultQuietHours: { start: '22:00', end: '07:00' },
  publicUrl: 'http://127.0.0.1:3999',
  linkTtlHours: 36,
  answerInChat: false,
};

/** The instant a wall clock in `zone` reads `local` ('2026-03-02T08:00'); throws on a time that does not exist. */
export function at(zone: string, local: string): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local} in ${zone}`);
  if (dt.toFormat("yyyy-LL-dd'T'HH:mm") !== local.slice(0, 16))
    throw new Error(`${local} does not exist in ${zone}`);
  return dt.toMillis();
}

export interface SentMessage {
  to: Recipient;
  message: OutMessage;
  /** The delivery key, `participantId:kind:localDate`. */
  key: string;
  /** When it was handed to the platform. */
  at: number;
}

/**
 * The platform stand-in: records every direct message it accepted (`sent`) and every attempt (`attempts`), and
 * answers with `reply`, which accepts everything unless a test says otherwise.
 */
export class RecordingMessenger implements Messenger {
  readonly sent: SentMessage[] = [];
  readonly attempts: SentMessage[] = [];
  reply: (to: Recipient) => SendResult = (to) => ({ ok: true, dmChannelId: `dm-${to.userId}` });

  constructor(private readonly clock: () => number) {}

  async sendDirect(to: Recipient, message: OutMessage, opts: SendOptions): Promise<SendResult> {
    const record = { to, message, key: opts.idempotencyKey, at: this.clock() };
    this.attempts.push(record);
    const result = this.reply(to);
    if (result.ok) this.sent.push(record);
    return result;
  }

  /** Messages sent to one user id. */
  to(userId: string): SentMessage[] {
    return this.sent.filter((m) => m.to.userId === userId);
  }
}

export interface HarnessOptions {
  settings?: Partial<AppSettings>;
  /** false: the queue holds jobs without running them, as if the process died before delivering. */
  startQueue?: boolean;
  /** A test's own features, registered after the product's (FEATURES). */
  features?: readonly Feature[];
}

export class AppHarness {
  readonly t: TempStore;
  readonly messenger = new RecordingMessenger(() => this.now);
  readonly log = new RecordingLogger();
  readonly registry: Registry = registryOf(ALL_COMMANDS());
  readonly features: readonly Feature[];
  readonly routes: Routes;
  readonly settings: AppSettings;
  store: SqliteStore;
  queue!: InProcessQueue;
  outbox!: DeliveryOutbox;
  deps!: AppDeps;
  /** The time every use case and delivery sees. */
  now = 0;

  constructor(opts: HarnessOptions = {}) {
    this.t = tempStore();
    this.store = this.t.store;
    this.settings = { ...TEST_SETTINGS, ...opts.settings };
    this.features = [...FEATURES, ...(opts.features ?? [])];
    this.routes = routesOf(this.features);
    this.wire(opts.startQueue ?? true);
  }

  private wire(startQueue: boolean): void {
    const store = this.store;
    this.queueStarted = false;
    // Built by the same assemble() the composition root uses; only the queue's pace and the clock are the test's.
    const app = assemble({
      store,
      settings: this.settings,
      key: TEST_KEY,
      log: this.log,
      features: this.features,
      queue: (onOutcome) =>
        new InProcessQueue({
          concurrency: 4,
          retry: { maxAttempts: 3, backoffMs: 1 },
          now: () => this.now,
          onOutcome,
          log: this.log,
        }),
    });
    this.queue = app.queue as InProcessQueue;
    this.outbox = app.outbox;
    this.deps = app.deps;
    if (startQueue) this.startQueue();
  }

  private queueStarted = false;

  startQueue(): void {
    this.queueStarted = true;
    this.queue.startWorkers(senderOf(this.messenger));
  }

  /**
   * A crash and a restart: jobs held in memory are lost, the database file is reopened by a new connection, and
   * a fresh queue starts delivering. Nothing else survives but the file.
   */
  async restart(): Promise<void> {
    await this.queue.close();
    this.store.close();
    this.store = openStore({ file: this.t.file, key: TEST_KEY });
    this.wire(true);
  }

  actor(userId: string, overrides: Partial<Actor> = {}): Actor {
    return {
      platform: 'discord',
      spaceExternalId: 'guild-riverside',
      spaceName: 'Riverside Clinic',
      userId,
      displayName: `Name of ${userId}`,
      isFacilitator: false,
      ...overrides,
    };
  }

  command(actor: Actor, name: string, sub?: string, options: Record<string, string | undefined> = {}) {
    return runCommand(this.deps, this.registry, actor, { name, sub, options }, this.now);
  }

  action(actor: Actor, id: string): OutMessage {
    return handleButton(this.deps, this.routes, actor, id, this.now);
  }

  /** /start then the agree button, the way a person enrols. */
  async enrol(actor: Actor, zone: string, time: string): Promise<Participant> {
    const offer = await this.command(actor, 'start', undefined, { zone, time });
    const agree = offer.buttons?.find((a) => a.id.startsWith('enrol.agree'));
    if (!agree) throw new Error('no agree button in the /start reply');
    this.action(actor, agree.id);
    return this.me(actor);
  }

  /** Straight through the use case, for tests that only need someone enrolled. */
  enrolDirect(actor: Actor, zone: string, time: string): Participant {
    return confirmEnrolment(this.deps, actor, { zone, time }, this.now).participant;
  }

  me(actor: Actor): Participant {
    const p = findParticipant(this.store, actor);
    if (!p) throw new Error(`${actor.userId} is not enrolled`);
    return p;
  }

  /** One planner tick at `now`, then wait for the queue to deliver what it planned (when it is running). */
  async tick(now: number): Promise<TickResult> {
    this.now = now;
    const result = await planTick(this.deps, now);
    if (this.queueStarted) await this.queue.drain();
    return result;
  }

  /** Tick every minute from `from` to `to` inclusive, as the minute ticker does. */
  async tickEveryMinute(from: number, to: number): Promise<void> {
    for (let t = from; t <= to; t += MINUTE) await this.tick(t);
  }

  /** Rows in every table of the database, by name (SQLite's own tables included). */
  rowCounts(): Record<string, number> {
    const tables = this.store.db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    return Object.fromEntries(
      tables.map((t) => [
        t,
        this.store.db.prepare<[], number>(`SELECT COUNT(*) FROM "${t}"`).pluck().get() ?? 0,
      ]),
    );
  }

  /**
   * Serve the private pages for this harness on 127.0.0.1 (a free port), with every landing and a rate limit
   * no test reaches; links point at it from now on. Closed by close(). Returns the base URL.
   */
  async servePages(): Promise<string> {
    const app = createWebApp({
      deps: this.deps,
      clock: { now: () => this.now },
      landings: PAGE_LANDINGS,
      rateLimitPerMinute: 10_000,
    });
    const started = await startWebServer(app, '127.0.0.1', 0);
    this.server = started.server;
    this.settings.publicUrl = `http://127.0.0.1:${started.port}`;
    return this.settings.publicUrl;
  }

  private server: Server | null = null;

  async close(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.queue.close();
    this.store.close();
    this.t.cleanup();
  }
}
