import type { Participant } from '../domain/entities.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';
import type { ExportPart, ExportParts } from './export-data.js';
import { type NudgeKindDef, type NudgeKinds, nudgeKindsOf } from './nudge-kinds.js';
import { type PageForm, type PageForms, pageFormsOf } from './page-forms.js';

/** What a button's or a chat form's handler gets: who pressed, when, and the parameters its id carried. */
export interface PressContext {
  deps: AppDeps;
  actor: Actor;
  now: number;
  /** Parameters from the id (`verb?k=v`), untrusted: each handler validates them before use. */
  params: Record<string, string>;
  /** The enrolled person pressing; throws a kind UserError when they have not enrolled. */
  me(): Participant;
}

export type ButtonHandler = (ctx: PressContext) => OutMessage;

/**
 * A submitted form (a Discord modal, a Slack view, the console's questions): its answers by field key, untrusted,
 * validated by the form's own schema. Stores all or nothing.
 */
export type FormHandler = (ctx: PressContext & { fields: Readonly<Record<string, unknown>> }) => OutMessage;

/**
 * A feature's part in the one way in: the buttons and chat forms it answers, by verb. A feature is registered by
 * its line in src/features/index.ts; nothing shared switches on verbs.
 */
export interface Feature {
  name: string;
  buttons?: Readonly<Record<string, ButtonHandler>>;
  forms?: Readonly<Record<string, FormHandler>>;
  /** The nudge kinds it sends: how each is worded and held back (src/app/nudge-kinds.ts). */
  nudges?: readonly NudgeKindDef[];
  /** Its sections of /export and their CSV files (src/app/export-data.ts). */
  exportPart?: ExportPart;
  /**
   * What /forget must erase beyond the store's rows, which go for everyone in one transaction before this runs
   * (for example the export files a surface wrote to disk).
   */
  forgetPart?: ForgetPart;
  /**
   * Forms the private page takes in place of this feature's chat-only command options (link mode on Discord and
   * Slack), by id: the id a command leaf names as its `pageForm` (src/app/page-forms.ts).
   */
  pageForms?: Readonly<Record<string, PageForm>>;
}

/** Erases what a feature keeps for a person outside the store; runs after the store has erased their rows. */
export type ForgetPart = (deps: AppDeps, p: Participant) => void;

/** The features' parts of a person's data: /export's sections and files, /forget's extra steps. */
export interface DataParts {
  exports: ExportParts;
  forgets: readonly ForgetPart[];
}

/** What the app reads from the features beyond buttons and forms; built once at start and passed in AppDeps. */
export interface FeatureParts {
  nudgeKinds: NudgeKinds;
  dataParts: DataParts;
  pageForms: PageForms;
}

export function partsOf(features: readonly Feature[]): FeatureParts {
  return {
    nudgeKinds: nudgeKindsOf(features),
    dataParts: {
      exports: features.flatMap((f) => (f.exportPart ? [{ owner: f.name, part: f.exportPart }] : [])),
      forgets: features.flatMap((f) => (f.forgetPart ? [f.forgetPart] : [])),
    },
    pageForms: pageFormsOf(features),
  };
}

/** Every feature's buttons and forms by verb, built once at start. A verb claimed twice is a programming error. */
export interface Routes {
  buttons: ReadonlyMap<string, ButtonHandler>;
  forms: ReadonlyMap<string, FormHandler>;
}

export function routesOf(features: readonly Feature[]): Routes {
  const buttons = new Map<string, ButtonHandler>();
  const forms = new Map<string, FormHandler>();
  const claim = <H>(table: Map<string, H>, verbs: Readonly<Record<string, H>> | undefined, owner: string) => {
    for (const [verb, h] of Object.entries(verbs ?? {})) {
      if (table.has(verb)) throw new Error(`the verb ${verb} is claimed twice (again by ${owner})`);
      table.set(verb, h);
    }
  };
  for (const f of features) {
    claim(buttons, f.buttons, f.name);
    claim(forms, f.forms, f.name);
  }
  return { buttons, forms };
}
