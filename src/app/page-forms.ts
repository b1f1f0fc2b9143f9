import { actionForm } from '../domain/action-form.js';
import type { Participant } from '../domain/entities.js';
import type { FormDefinition } from '../domain/form.js';
import { schemaOf } from '../domain/form-schema.js';
import { intentionForm } from '../domain/intention-form.js';
import { journalForm } from '../domain/journal-form.js';
import { localDateOf } from '../domain/local-time.js';
import { sessionLogForm } from '../domain/session-log-form.js';
import type { LocalDate } from '../domain/types.js';
import { parseInput } from '../domain/validation.js';
import { addJournalEntry, setIntention } from '../features/notes/index.js';
import type { OutMessage } from '../views/message.js';
import { addAction } from './action-plans.js';
import type { AppDeps } from './deps.js';
import { linkFor } from './links.js';
import { PAGE_FORM_WHAT, PAGE_FORM_TEXTS as T } from './page-form-texts.js';
import { logSession } from './sessions.js';

/**
 * Forms the private page takes in place of a command's typed words (link mode on Discord and Slack): each is a
 * definition drawn by the generic page renderer, and its answers are stored by the same use case the command runs.
 */
export interface PageForm {
  form: FormDefinition;
  /** Answers as the page posted them; validated by the form's own schema, then by the use case. */
  save(deps: AppDeps, p: Participant, answers: Readonly<Record<string, unknown>>, now: number): OutMessage;
  /** What the form starts with (a session's date: today). */
  initial?(p: Participant, now: number): Record<string, string>;
}

const textOf = (form: FormDefinition, key: string, answers: Readonly<Record<string, unknown>>): string => {
  const valid = parseInput(schemaOf(form), answers, `invalid-${form.id}`);
  return String(valid[key]);
};

export const PAGE_FORMS: Readonly<Record<string, PageForm>> = {
  journal: {
    form: journalForm,
    save: (deps, p, a, now) => addJournalEntry(deps, p, textOf(journalForm, 'entry', a), now),
  },
  intention: {
    form: intentionForm,
    save: (deps, p, a, now) => setIntention(deps, p, textOf(intentionForm, 'intention', a), now),
  },
  action: {
    form: actionForm,
    save: (deps, p, a, now) => addAction(deps, p, textOf(actionForm, 'action', a), now),
  },
  'session-log': {
    form: sessionLogForm,
    initial: (p, now) => ({ date: localDateOf(now, p.zone) }),
    save: (deps, p, a, now) => logSession(deps, p, textOf(sessionLogForm, 'date', a) as LocalDate, now),
  },
};

export const pageFormById = (id: string | null | undefined): PageForm | null =>
  (id ? PAGE_FORMS[id] : undefined) ?? null;

/**
 * The reply to a command whose words go on the page: a private, single-use link to its form. `typed`: the person
 * wrote words into the chat anyway; they are not kept (the chat service already carried them, we add no copy), and
 * the reply says so kindly, so nothing is lost without them knowing.
 */
export function pageFormLink(
  deps: AppDeps,
  p: Participant,
  formId: string,
  typed: boolean,
  now: number,
): OutMessage {
  const entry = pageFormById(formId);
  if (!entry) throw new Error(`no page form ${formId}`);
  const what = PAGE_FORM_WHAT[formId] ?? entry.form.title;
  return {
    blocks: [
      { type: 'text', text: typed ? T.notKept(what) : T.onPage(what) },
      {
        type: 'link',
        label: T.linkLabel(entry.form.title),
        url: linkFor(deps, p, 'entry', now, null, formId),
      },
    ],
  };
}
