import type { Participant } from '../domain/entities.js';
import type { FormDefinition } from '../domain/form.js';
import { schemaOf } from '../domain/form-schema.js';
import { parseInput } from '../domain/validation.js';
import type { OutMessage } from '../views/message.js';
import type { AppDeps } from './deps.js';
import { linkFor } from './links.js';
import { PAGE_FORM_WHAT, PAGE_FORM_TEXTS as T } from './page-form-texts.js';

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

/** Every feature's page forms by id, built once at start and passed in AppDeps. */
export type PageForms = ReadonlyMap<string, PageForm>;

export function pageFormsOf(
  features: readonly { name: string; pageForms?: Readonly<Record<string, PageForm>> }[],
) {
  const all = new Map<string, PageForm>();
  for (const f of features) {
    for (const [id, form] of Object.entries(f.pageForms ?? {})) {
      if (all.has(id)) throw new Error(`the page form ${id} is claimed twice (again by ${f.name})`);
      all.set(id, form);
    }
  }
  return all as PageForms;
}

export const pageFormById = (
  deps: Pick<AppDeps, 'pageForms'>,
  id: string | null | undefined,
): PageForm | null => (id ? deps.pageForms.get(id) : undefined) ?? null;

/** The text a page form's answers hold under `key`, validated by the form's own schema. */
export const textOf = (
  form: FormDefinition,
  key: string,
  answers: Readonly<Record<string, unknown>>,
): string => {
  const valid = parseInput(schemaOf(form), answers, `invalid-${form.id}`);
  return String(valid[key]);
};

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
  const entry = pageFormById(deps, formId);
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
