import type { LocalDate, LocalTime, QuietHours } from './types.js';

/**
 * What a command option is, declared once: every surface reads the same declaration (Discord registers a native
 * type from it, the console and Slack read a typed line by it) and src/domain/option-parse.ts turns what arrives
 * into a typed value.
 */
export interface OptionBase {
  description: string;
  required?: boolean;
  /** The UserError code when the value is refused or missing (default `invalid-<kind>`). */
  code?: string;
  /** Replaces the kind's own message when the value is refused, for wording that names the command. */
  problem?: (input: string) => string;
  /** What to say when a required option is left out (default: a sentence naming the option). */
  missing?: string;
  /**
   * Health data a person types: offered only where it may be typed (the console; Discord and Slack with
   * ANSWER_IN_CHAT). Elsewhere the command's page form takes it instead (the leaf's `pageForm`).
   */
  chatOnly?: boolean;
}

export type OptionSpec =
  | (OptionBase & { kind: 'date' })
  | (OptionBase & { kind: 'time' })
  /** Two times like 22:00-07:00, or off. */
  | (OptionBase & { kind: 'time-range' })
  /** Whole days like 7d; with `orDate`, a date like 2026-12-01 instead. */
  | (OptionBase & { kind: 'duration'; orDate?: boolean })
  | (OptionBase & { kind: 'zone' })
  | (OptionBase & { kind: 'on-off' })
  | (OptionBase & { kind: 'choice'; choices: readonly string[] })
  | (OptionBase & { kind: 'integer'; min?: number; max?: number })
  /** Free text kept as written; `noun` names it in messages ("journal entry"). */
  | (OptionBase & { kind: 'text'; noun: string; maxLength?: number })
  | (OptionBase & { kind: 'role' })
  | (OptionBase & { kind: 'user' })
  | (OptionBase & { kind: 'channel' });

export type OptionKind = OptionSpec['kind'];

/** A span of days, or (for an option declared `orDate`) the date it ends on. */
export type DaysOrDate = { days: number; date?: undefined } | { date: LocalDate; days?: undefined };

/** Options in the order the console reads positional words. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type KindValue<S extends OptionSpec> = S extends { kind: 'date' }
  ? LocalDate
  : S extends { kind: 'time' }
    ? LocalTime
    : S extends { kind: 'time-range' }
      ? QuietHours | null
      : S extends { kind: 'duration' }
        ? DaysOrDate
        : S extends { kind: 'on-off' }
          ? boolean
          : S extends { kind: 'choice'; choices: readonly (infer C)[] }
            ? C
            : S extends { kind: 'integer' }
              ? number
              : string;

/** The typed value a use case receives for one option: undefined only when it is optional and left out. */
export type OptionValue<S extends OptionSpec> = S extends { required: true }
  ? KindValue<S>
  : KindValue<S> | undefined;

export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: OptionValue<O[K]> };

type Extra = Omit<OptionBase, 'description'>;

/** Builders keep `required: true` and a choice's words as literal types, so `run` gets exact value types. */
export const option = {
  date: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'date' as const, description, ...e }) as { kind: 'date'; description: string } & E,
  time: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'time' as const, description, ...e }) as { kind: 'time'; description: string } & E,
  timeRange: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'time-range' as const, description, ...e }) as { kind: 'time-range'; description: string } & E,
  duration: <const E extends Extra & { orDate?: boolean }>(description: string, e?: E) =>
    ({ kind: 'duration' as const, description, ...e }) as { kind: 'duration'; description: string } & E,
  zone: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'zone' as const, description, ...e }) as { kind: 'zone'; description: string } & E,
  onOff: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'on-off' as const, description, ...e }) as { kind: 'on-off'; description: string } & E,
  choice: <const C extends readonly string[], const E extends Extra>(
    description: string,
    choices: C,
    e?: E,
  ) =>
    ({ kind: 'choice' as const, description, choices, ...e }) as {
      kind: 'choice';
      description: string;
      choices: C;
    } & E,
  integer: <const E extends Extra & { min?: number; max?: number }>(description: string, e?: E) =>
    ({ kind: 'integer' as const, description, ...e }) as { kind: 'integer'; description: string } & E,
  text: <const E extends Extra & { noun: string; maxLength?: number }>(description: string, e: E) =>
    ({ kind: 'text' as const, description, ...e }) as { kind: 'text'; description: string } & E,
  role: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'role' as const, description, ...e }) as { kind: 'role'; description: string } & E,
  user: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'user' as const, description, ...e }) as { kind: 'user'; description: string } & E,
  channel: <const E extends Extra>(description: string, e?: E) =>
    ({ kind: 'channel' as const, description, ...e }) as { kind: 'channel'; description: string } & E,
};
