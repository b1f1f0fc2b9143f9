import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import type { Actor } from '../../app/actor.js';
import type { Caller } from '../../app/caller.js';
import type { AppDeps } from '../../app/deps.js';
import type { Routes } from '../../app/feature.js';
import { asksForHelp, crisisReply } from '../../app/free-text.js';
import { handleInbound, type Inbound } from '../../app/inbound.js';
import { findParticipant } from '../../app/participants.js';
import { type Registry, replyForError } from '../../app/run-command.js';
import { checkinFormFor } from '../../domain/checkin-form.js';
import { MINUTE } from '../../domain/types.js';
import { checkinFormId } from '../../features/check-in/checkin.js';
import { type Button, type FormRequest, type OutMessage, text } from '../../views/message.js';
import { parseCommandLine } from '../parse-line.js';
import { ConsoleMessenger } from './console-messenger.js';
import { consoleTexts } from './console-texts.js';
import type { ExportShelf } from './export-shelf.js';
import { FormSession } from './form-session.js';
import { renderMessage } from './render.js';
import { parseDuration, type SimClock } from './sim-clock.js';

export interface ConsoleChatOptions {
  deps: AppDeps;
  registry: Registry;
  routes: Routes;
  clock: SimClock;
  /** Plan and deliver everything due at `now` (planner tick + queue drain). */
  tick: (now: number) => Promise<void>;
  write: (s: string) => void;
  /** Where /export writes its files (erased by /forget). */
  exports: ExportShelf;
  /** Echo each input line, so a piped transcript reads like a conversation. */
  echo: boolean;
  /** An interactive terminal: show a `you ›` prompt and redraw it after Interlude speaks. */
  prompt?: { output: NodeJS.WritableStream };
}

/** The longest :advance runs: every minute in between is a planner tick, so a year would take minutes of CPU. */
export const MAX_ADVANCE_WEEKS = 8;
const MAX_ADVANCE_MS = MAX_ADVANCE_WEEKS * 7 * 24 * 60 * MINUTE;

const SIM_HELP = [
  ':as <name>           act as another person (default: you)',
  ':facilitator on|off  make the current person a facilitator of the console group (try /dashboard)',
  ':advance <time>      move the clock forward, running every minute in between (e.g. 30m, 8h, 3d, 1w)',
  ':now                 show the simulated time',
  ':quit                leave',
];

/** The console's one space: everyone typing here is in it. */
const CONSOLE_SPACE = { externalId: 'local', name: 'Console' };

/** The terminal chat: people type commands and answers; nudges appear as messages from Interlude. */
export class ConsoleChat {
  readonly messenger: ConsoleMessenger;
  private user = 'you';
  /** Console names acting as facilitators (on Discord and Slack a role decides; here the simulator does). */
  private readonly facilitators = new Set<string>();
  private readonly choices = new Map<string, readonly Button[]>();
  private readonly forms = new Map<string, FormSession<FormRequest>>();
  private lastTick: number;
  private quit = false;
  private catchingUp: Promise<void> = Promise.resolve();
  private redrawPrompt: (() => void) | null = null;

  constructor(private readonly o: ConsoleChatOptions) {
    this.messenger = new ConsoleMessenger(
      (userId, m) => this.show(userId, m, true),
      (t) => this.o.write(t),
    );
    this.lastTick = Math.floor(o.clock.now() / MINUTE) * MINUTE;
  }

  get currentUser(): string {
    return this.user;
  }

  /** Read lines until the input ends (or :quit), then let pending work finish. */
  async run(input: NodeJS.ReadableStream): Promise<void> {
    const output = this.o.prompt?.output;
    const rl = output
      ? createInterface({ input, output, terminal: true })
      : createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
    if (output) {
      this.redrawPrompt = () => {
        rl.setPrompt(`${this.user} › `);
        rl.prompt(true);
      };
      this.redrawPrompt();
    }
    for await (const line of rl) {
      await this.handleLine(line);
      if (this.quit) break;
      this.redrawPrompt?.();
    }
    this.redrawPrompt = null;
    rl.close();
    await this.catchUp();
  }

  /**
   * Run every minute tick from the last one up to `until` (default: the clock's now). The clock reads each tick's
   * minute while it runs, so a nudge is delivered (and stamped) at its own time, not at the end of an :advance.
   */
  catchUp(until?: number): Promise<void> {
    // The cron ticker and an :advance may both ask; run them one after the other so no minute runs twice.
    this.catchingUp = this.catchingUp.then(() => this.runTicks(until ?? this.o.clock.now()));
    return this.catchingUp;
  }

  private async runTicks(until: number): Promise<void> {
    const target = Math.floor(until / MINUTE) * MINUTE;
    for (let t = this.lastTick + MINUTE; t <= target; t += MINUTE) {
      this.o.clock.set(t);
      await this.o.tick(t);
      this.lastTick = t;
    }
    this.o.clock.set(until);
  }

  async handleLine(raw: string): Promise<void> {
    const line = raw.replace(/\r$/, '');
    if (this.o.echo) this.o.write(`${this.user} › ${line}\n`);
    try {
      const form = this.forms.get(this.user);
      if (form) {
        // Inside a form every line is an answer, even one that starts with / or : ("/forget", ":advance 1w");
        // /cancel is the one way out, and words asking for help still get the crisis lines first.
        if (!/^\/cancel\s*$/i.test(line)) return this.answerOrHelp(form, line);
        this.forms.delete(this.user);
        return this.reply({ blocks: [text(consoleTexts.checkinPutAside)] });
      }
      if (line.startsWith(':')) return await this.simulator(line);
      if (line.trim() === '') return;
      if (line.startsWith('/')) return await this.command(line);
      // Words asking for help win over everything else typed, as on Discord and Slack (one rule, in the app).
      if (!asksForHelp(line) && (await this.choose(line))) return;
      this.deliverReply(await this.handle({ kind: 'text', content: line }));
    } catch (e) {
      this.reply(replyForError(e, this.o.deps.log, { platform: 'console', user: this.user }));
    }
  }

  private actor(): Actor {
    return {
      platform: 'console',
      spaceExternalId: CONSOLE_SPACE.externalId,
      spaceName: CONSOLE_SPACE.name,
      userId: this.user,
      displayName: this.user,
      isFacilitator: this.facilitators.has(this.user),
      // The console has no server to set up (no roles: :facilitator on stands in), so nobody here is its admin
      // and /help does not offer /setup.
      isSpaceAdmin: false,
    };
  }

  /** Who is typing, as the app's one way in reads it: the simulator decides who is a facilitator. */
  private caller(): Caller {
    const user = this.user;
    return {
      platform: 'console',
      space: CONSOLE_SPACE,
      userId: user,
      displayName: user,
      // No server to set up on the console (see actor()), so nobody is its admin and /help leaves /setup out.
      roles: { isFacilitator: () => this.facilitators.has(user), isSpaceAdmin: () => false },
    };
  }

  /** The app's one way in; the console has no third party, so replies come back whole. */
  private async handle(inbound: Inbound): Promise<OutMessage> {
    const r = await handleInbound(this.o.deps, this.o, this.caller(), inbound, this.o.clock.now(), {
      thirdParty: false,
    });
    return r.message;
  }

  private async command(line: string): Promise<void> {
    const invocation = parseCommandLine(line, this.o.registry);
    this.deliverReply(await this.handle({ kind: 'command', invocation }));
  }

  /** A typed number (or a button's words) presses one of the buttons last shown to this person. */
  private async choose(line: string): Promise<boolean> {
    const actions = this.choices.get(this.user);
    if (!actions) return false;
    const n = Number(line.trim());
    const picked =
      Number.isInteger(n) && n >= 1
        ? actions[n - 1]
        : actions.find((a) => a.label.toLowerCase() === line.trim().toLowerCase());
    if (!picked) return false;
    this.choices.delete(this.user);
    this.deliverReply(await this.handle({ kind: 'button', id: picked.id }));
    return true;
  }

  private deliverReply(m: OutMessage): void {
    const saved = m.files?.length ? this.o.exports.write(this.user, m.files, this.o.clock.now()) : [];
    const extra = saved.map((f) => text(consoleTexts.savedFile(f)));
    if (saved.length) extra.push(text(consoleTexts.exportWhere(this.o.exports.dir)));
    if (m.form) {
      const form = new FormSession(checkinFormFor(m.form.promptText), m.form);
      this.forms.set(this.user, form);
      extra.push(text(consoleTexts.checkinHowToStop), text(form.question()));
    }
    this.reply({ ...m, blocks: [...m.blocks, ...extra] });
  }

  /**
   * An answer to the check-in's current question, unless it asks for help: crisis words always win. The crisis
   * lines come first; written words are still kept as the answer, and a number question is asked again.
   */
  private async answerOrHelp(form: FormSession<FormRequest>, line: string): Promise<void> {
    if (!asksForHelp(line)) return this.answerForm(form, line);
    this.reply(crisisReply(this.o.deps.settings));
    if (form.takesWords && !/^\s*help\W*$/i.test(line)) return this.answerForm(form, line);
    this.reply({ blocks: [text(consoleTexts.checkinStillOpen), text(form.question())] });
  }

  private async answerForm(form: FormSession<FormRequest>, line: string): Promise<void> {
    const problem = form.answer(line);
    if (problem || !form.done) {
      this.reply({ blocks: [...(problem ? [text(problem)] : []), text(form.question())] });
      return;
    }
    this.forms.delete(this.user);
    // The last answer submits the form through the one way in, as a modal or a view does elsewhere.
    const formId = checkinFormId({ localDate: form.meta.localDate, promptId: form.meta.promptId });
    this.reply(await this.handle({ kind: 'form', formId, fields: form.answers }));
  }

  private async simulator(line: string): Promise<void> {
    const [cmd, ...args] = line.slice(1).trim().split(/\s+/);
    const arg = args.join(' ');
    switch ((cmd ?? '').toLowerCase()) {
      case 'as':
        if (!/^[\p{L}\p{N}._-]{1,32}$/u.test(arg) || !/[\p{L}\p{N}]/u.test(arg))
          return this.note('Give a name of letters and digits, like :as alex');
        this.user = arg;
        return this.note(`now acting as ${arg}`);
      case 'facilitator': {
        const state = arg.toLowerCase();
        if (state !== 'on' && state !== 'off') return this.note('Say :facilitator on or :facilitator off');
        if (state === 'on') this.facilitators.add(this.user);
        else this.facilitators.delete(this.user);
        return this.note(
          state === 'on'
            ? `${this.user} is now a facilitator: /dashboard gives a sign-in link`
            : `${this.user} is no longer a facilitator`,
        );
      }
      case 'advance': {
        const ms = parseDuration(arg);
        if (ms === null || ms <= 0) return this.note('Give a duration like 30m, 8h, 3d or 1w: :advance 3d');
        if (ms > MAX_ADVANCE_MS) {
          return this.note(
            `:advance goes at most ${MAX_ADVANCE_WEEKS} weeks at a time (it runs every minute in between); try :advance ${MAX_ADVANCE_WEEKS}w`,
          );
        }
        await this.catchUp(this.o.clock.now() + ms);
        return this.note(`clock is now ${this.describeNow()}`);
      }
      case 'now':
        return this.note(this.describeNow());
      case 'quit':
        this.quit = true;
        return;
      default:
        return this.note(`simulator commands:\n${SIM_HELP.join('\n')}`);
    }
  }

  private describeNow(): string {
    const now = this.o.clock.now();
    const p = findParticipant(this.o.deps.store, this.actor());
    const zone = p?.zone ?? this.o.deps.settings.defaultZone ?? 'UTC';
    return `${DateTime.fromMillis(now, { zone }).toFormat('cccc d LLLL yyyy HH:mm')} (${zone})`;
  }

  private note(s: string): void {
    this.o.write(`· ${s}\n`);
  }

  private reply(m: OutMessage): void {
    this.show(this.user, m, false);
  }

  private show(userId: string, m: OutMessage, nudge: boolean): void {
    if (m.buttons?.length) this.choices.set(userId, m.buttons);
    const now = this.o.clock.now();
    const p = nudge ? findParticipant(this.o.deps.store, { ...this.actor(), userId }) : null;
    const when = p ? ` · ${DateTime.fromMillis(now, { zone: p.zone }).toFormat('ccc d LLL HH:mm')}` : '';
    this.o.write(`Interlude ▸ ${userId}${nudge ? ` (nudge${when})` : ''}\n${renderMessage(m)}\n`);
    // A nudge can arrive while the person is typing: give them their prompt back.
    if (nudge) this.redrawPrompt?.();
  }
}
