import type { z } from 'zod';
import { UserError } from '../errors.js';
import { localDateSchema, localTimeSchema, quietHoursSchema, zoneSchema } from './local-time.js';
import type { DaysOrDate, OptionSpec, OptionSpecs, OptionValues } from './option-kinds.js';
import { OPTION_TEXTS as T } from './option-texts.js';
import { charCount, freeText, MAX_TEXT_CHARS } from './text-input.js';
import { firstIssue } from './validation.js';

/** Raw option values as every surface delivers them: strings (a Discord boolean arrives as "true"). */
export type RawOptions = Readonly<Record<string, string | undefined>>;

const DAYS = /^(\d{1,3})\s*d(ays?)?$/i;
const SLACK_USERS = /^[UW][A-Z0-9]{6,20}([\s,]+[UW][A-Z0-9]{6,20})*$/;
// A Discord role id (a snowflake), a Slack user group (S…), Slack people (U…/W…, comma-separated), or none.
const ROLE = /^(none|\d{15,22}|S[A-Z0-9]{6,20}|[UW][A-Z0-9]{6,20}(,[UW][A-Z0-9]{6,20})*)$/;
const USER = /^(\d{15,22}|[UW][A-Z0-9]{6,20})$/;
const CHANNEL = /^(\d{15,22}|[CGD][A-Z0-9]{6,20})$/;
const ON = new Set(['on', 'true', 'yes']);
const OFF = new Set(['off', 'false', 'no']);

class Refused extends Error {}

const refuse = (message: string): never => {
  throw new Refused(message);
};

const bySchema = <S extends z.ZodType>(schema: S, input: string): z.output<S> => {
  const r = schema.safeParse(input);
  return r.success ? r.data : refuse(firstIssue(r.error));
};

function daysOrDate(spec: OptionSpec & { kind: 'duration' }, input: string): DaysOrDate {
  const days = DAYS.exec(input);
  if (days) return { days: Number(days[1]) };
  const date = spec.orDate ? localDateSchema.safeParse(input) : undefined;
  if (date?.success) return { date: date.data };
  return refuse(spec.orDate ? T.daysOrDate(input) : T.days(input));
}

function integer(spec: OptionSpec & { kind: 'integer' }, input: string): number {
  // "#2" is how /action list numbers things, so a copied number is read as it is shown.
  if (!/^#?-?\d{1,15}$/.test(input)) return refuse(T.integer(input));
  const n = Number(input.replace('#', ''));
  const min = spec.min ?? Number.MIN_SAFE_INTEGER;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  return n < min || n > max ? refuse(T.between(min, max)) : n;
}

function text(spec: OptionSpec & { kind: 'text' }, input: string): string {
  const kept = bySchema(freeText(spec.noun, { optional: true }), input);
  const max = spec.maxLength ?? MAX_TEXT_CHARS;
  return charCount(kept) > max ? refuse(T.tooLong(spec.noun, charCount(kept), max)) : kept;
}

/** One value of one kind, from the trimmed, non-empty string a surface delivered. */
function parseKind(spec: OptionSpec, input: string): unknown {
  switch (spec.kind) {
    case 'date':
      return bySchema(localDateSchema, input);
    case 'time':
      return bySchema(localTimeSchema, input);
    case 'time-range':
      return bySchema(quietHoursSchema, input);
    case 'duration':
      return daysOrDate(spec, input);
    case 'zone':
      return bySchema(zoneSchema, input);
    case 'on-off': {
      const word = input.toLowerCase();
      return ON.has(word) ? true : OFF.has(word) ? false : refuse(T.onOff(input));
    }
    case 'choice':
      return spec.choices.find((c) => c === input.toLowerCase()) ?? refuse(T.choice(input, spec.choices));
    case 'integer':
      return integer(spec, input);
    case 'text':
      return text(spec, input);
    case 'role': {
      const role = SLACK_USERS.test(input) ? input.split(/[\s,]+/).join(',') : input;
      return ROLE.test(role) ? role : refuse(T.role);
    }
    case 'user':
      return USER.test(input) ? input : refuse(T.user);
    case 'channel':
      return CHANNEL.test(input) ? input : refuse(T.channel);
  }
}

/** One option: undefined when optional and left out; otherwise its typed value, or a kind UserError. */
export function parseOption(name: string, spec: OptionSpec, raw: string | undefined): unknown {
  const code = spec.code ?? `invalid-${spec.kind}`;
  // Free text keeps its inner spacing; everything else is read without the spaces around it.
  const input = spec.kind === 'text' ? (raw ?? '') : (raw ?? '').trim();
  if (input.trim() === '') {
    if (spec.required) throw new UserError(code, spec.missing ?? T.missing(name, spec.description));
    return undefined;
  }
  try {
    return parseKind(spec, input);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    throw new UserError(code, spec.problem ? spec.problem(input) : e.message);
  }
}

/** Every option of a command, in declared order; the first problem is the one the person hears about. */
export function parseOptions<O extends OptionSpecs>(specs: O, raw: RawOptions): OptionValues<O> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = parseOption(name, spec, raw[name]);
  return out as OptionValues<O>;
}
