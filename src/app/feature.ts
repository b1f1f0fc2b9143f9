import type { Participant } from '../domain/entities.js';
import type { OutMessage } from '../views/message.js';
import type { Actor } from './actor.js';
import type { AppDeps } from './deps.js';

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

/** A submitted chat form (Discord modal, Slack view): its answers by field key, untrusted. Stores all or nothing. */
export type FormHandler = (ctx: PressContext & { fields: Record<string, string> }) => OutMessage;

/**
 * A feature's part in the one way in: the buttons and chat forms it answers, by verb. A feature is registered by
 * its line in src/features/index.ts; nothing shared switches on verbs.
 */
export interface Feature {
  name: string;
  buttons?: Readonly<Record<string, ButtonHandler>>;
  forms?: Readonly<Record<string, FormHandler>>;
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
