import { z } from 'zod';
import type { AppDeps } from '../../app/deps.js';
import { linkFor } from '../../app/links.js';
import { phaseFor } from '../../app/phase-of.js';
import { updateSchedule } from '../../app/reschedule.js';
import { checkinSchema, fieldSchemas } from '../../domain/checkin-form.js';
import type { Checkin, CheckinSource, Participant } from '../../domain/entities.js';
import { addDays, localDateOf, localDateSchema } from '../../domain/local-time.js';
import { choosePrompt } from '../../domain/prompt-rotation.js';
import { promptById } from '../../domain/prompts/index.js';
import type { LocalDate } from '../../domain/types.js';
import { parseInput } from '../../domain/validation.js';
import { UserError } from '../../errors.js';
import { buttonId } from '../../views/button-id.js';
import { heading, type OutMessage, text } from '../../views/message.js';
import { phaseNote } from '../../views/phase-notes.js';
import { weekTable } from '../../views/week-table.js';
import { CHECKIN_TEXTS as T } from './texts.js';

/** How far back a nudge's check-in may still be answered for its own day. */
const ANSWER_WINDOW_DAYS = 2;

/** The reflection prompt for a person's day: the same one all day, never one seen in the 7 days before. */
export function promptFor(deps: AppDeps, p: Participant, date: LocalDate, now: number) {
  const existing = deps.store.prompts.forDate(p.id, date);
  const known = existing ? promptById(existing) : undefined;
  if (known) return known;
  const info = phaseFor(deps, p, now, date);
  const recent = deps.store.prompts.shownBetween(p.id, addDays(date, -6), addDays(date, -1));
  const prompt = choosePrompt(info.phase, recent, `${p.id}:${date}`, info);
  deps.store.prompts.record(p.id, date, prompt.id);
  return prompt;
}

/** What any surface needs to show the check-in form for a person's day: the date, its prompt, the phase note. */
export function checkinForm(deps: AppDeps, p: Participant, now: number, forDate?: string | null) {
  const localDate = checkinDate(p, now, forDate ?? undefined);
  const prompt = promptFor(deps, p, localDate, now);
  const note = phaseNote(phaseFor(deps, p, now, localDate));
  return { localDate, prompt, note };
}

/** Start a check-in: choose the day's prompt and ask the surface to collect the form. */
export function openCheckin(deps: AppDeps, p: Participant, now: number, forDate?: string): OutMessage {
  const { localDate, prompt, note } = checkinForm(deps, p, now, forDate);
  const url = linkFor(deps, p, 'checkin', now, localDate);
  return {
    blocks: [heading(T.heading), ...(note ? [text(note)] : []), { type: 'link', label: T.orOnPage, url }],
    form: { form: 'checkin', localDate, promptId: prompt.id, promptText: prompt.text },
    sensitive: true,
  };
}

const dateParam = z.object({ date: localDateSchema.optional() });
const moodParam = z.object({ v: fieldSchemas.mood });

/** A mood button was pressed: ask for the rest of the day's check-in, with the mood already answered. */
export function openCheckinWithMood(
  deps: AppDeps,
  p: Participant,
  now: number,
  params: Record<string, string>,
): OutMessage {
  const { v } = parseInput(moodParam, { v: params.v });
  const m = openCheckin(deps, p, now, params.date);
  return m.form ? { ...m, form: { ...m.form, mood: v } } : m;
}

/** The id a chat form is opened with; it comes back on submit, so it carries what the form was for. */
export const checkinFormId = (f: { localDate: string; promptId: string; mood?: number }): string =>
  buttonId('checkin.submit', {
    date: f.localDate,
    p: f.promptId,
    ...(f.mood === undefined ? {} : { v: f.mood }),
  });

/** A date from a nudge button is honoured for a short while; otherwise the check-in is for today. */
function checkinDate(p: Participant, now: number, forDate: string | undefined): LocalDate {
  const today = localDateOf(now, p.zone);
  const { date } = parseInput(dateParam, { date: forDate });
  if (!date || date > today || date < addDays(today, -ANSWER_WINDOW_DAYS)) return today;
  return date;
}

export interface CheckinMeta {
  localDate?: string | null | undefined;
  promptId?: string | null | undefined;
  source: CheckinSource;
}

/**
 * Validate and store one check-in with the same form definition every surface uses, then settle the day's
 * schedule (no follow-up once answered). All or nothing: a bad answer stores nothing.
 */
export function recordCheckin(
  deps: AppDeps,
  p: Participant,
  raw: unknown,
  meta: CheckinMeta,
  now: number,
): { checkin: Checkin; reply: OutMessage } {
  const answers = parseInput(checkinSchema, raw, 'invalid-checkin');
  const date = checkinDate(p, now, meta.localDate ?? undefined);
  const promptId = meta.promptId && promptById(meta.promptId) ? meta.promptId : null;
  if (meta.promptId && !promptId) throw new UserError('unknown-prompt', T.formOutOfDate);
  const checkin = deps.store.transaction(() => {
    const saved = deps.store.checkins.add(p.id, date, answers, promptId, meta.source, now);
    const answeredNudge = p.lastNudgeDate === date;
    updateSchedule(deps, p, answeredNudge ? { followUpHandledFor: date, snoozeUntil: null } : {}, now);
    return saved;
  });
  const week = deps.store.checkins.between(p.id, addDays(date, -6), date);
  return {
    checkin,
    reply: {
      blocks: [heading(T.saved), text(thanks(answers.mood)), ...weekTable(week, addDays(date, -6), date)],
      sensitive: true,
    },
  };
}

function thanks(mood: number): string {
  if (mood <= 3) return T.thanksHardDay;
  if (mood >= 8) return T.thanksGoodDay;
  return T.thanks;
}
