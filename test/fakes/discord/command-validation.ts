/**
 * What Discord refuses when commands are registered (the ApplicationCommand option schemas in Discord's official
 * OpenAPI spec, shared/specs/discord-openapi.json beside the repo, and the limits the schema does not encode):
 * lower-case names of letters, digits, - and _ up to 32, descriptions of 1-100, at most 25 options and 25 choices, required options
 * before optional ones, subcommands not mixed with plain options, limits only on the types that take them.
 */
import type { Json } from './types.js';

export interface CommandProblem {
  field: string;
  code: string;
  message: string;
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const NUMBER = 10;
const KNOWN_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const STRING_LIMIT = 6000;

const isName = (n: unknown) => typeof n === 'string' && NAME.test(n) && n === n.toLowerCase();
const isDescription = (d: unknown) => typeof d === 'string' && d.length >= 1 && d.length <= 100;

function nameAndDescription(at: string, o: Json, needsDescription: boolean): CommandProblem | null {
  if (!isName(o.name))
    return {
      field: `${at}name`,
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: 'Command name is invalid',
    };
  if (needsDescription && !isDescription(o.description))
    return {
      field: `${at}description`,
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    };
  return null;
}

function choices(at: string, o: Json): CommandProblem | null {
  if (o.choices === undefined || o.choices === null) return null;
  if (![STRING, INTEGER, NUMBER].includes(o.type))
    return {
      field: `${at}choices`,
      code: 'APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED',
      message: 'Choices are not allowed for this option type',
    };
  if (!Array.isArray(o.choices) || o.choices.length > MAX_CHOICES)
    return {
      field: `${at}choices`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${MAX_CHOICES} or fewer in length.`,
    };
  for (const [i, c] of o.choices.entries()) {
    const ok =
      typeof c?.name === 'string' &&
      c.name.length >= 1 &&
      c.name.length <= 100 &&
      (o.type === STRING
        ? typeof c.value === 'string' && c.value.length <= STRING_LIMIT
        : typeof c.value === 'number' && (o.type === NUMBER || Number.isInteger(c.value)));
    if (!ok)
      return {
        field: `${at}choices.${i}`,
        code: 'APPLICATION_COMMAND_OPTION_CHOICE_INVALID',
        message: 'Invalid choice',
      };
  }
  return null;
}

function limits(at: string, o: Json): CommandProblem | null {
  const numeric = o.type === INTEGER || o.type === NUMBER;
  for (const key of ['min_value', 'max_value']) {
    if (o[key] === undefined || o[key] === null) continue;
    if (!numeric || typeof o[key] !== 'number')
      return {
        field: `${at}${key}`,
        code: 'APPLICATION_COMMAND_OPTION_INVALID_VALUE',
        message: `${key} is not allowed here`,
      };
  }
  if (
    numeric &&
    typeof o.min_value === 'number' &&
    typeof o.max_value === 'number' &&
    o.min_value > o.max_value
  )
    return {
      field: `${at}min_value`,
      code: 'APPLICATION_COMMAND_OPTION_INVALID_VALUE',
      message: 'min_value must not exceed max_value',
    };
  for (const [key, floor] of [
    ['min_length', 0],
    ['max_length', 1],
  ] as const) {
    if (o[key] === undefined || o[key] === null) continue;
    if (o.type !== STRING || !Number.isInteger(o[key]) || o[key] < floor || o[key] > STRING_LIMIT)
      return {
        field: `${at}${key}`,
        code: 'APPLICATION_COMMAND_OPTION_INVALID_VALUE',
        message: `${key} must be from ${floor} to ${STRING_LIMIT}, on a string option`,
      };
  }
  return null;
}

function optionList(at: string, options: unknown, depth: number): CommandProblem | null {
  if (options === undefined || options === null) return null;
  if (!Array.isArray(options) || options.length > MAX_OPTIONS)
    return {
      field: `${at}options`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${MAX_OPTIONS} or fewer in length.`,
    };
  const nesting = options.filter((o) => o?.type === SUB_COMMAND || o?.type === SUB_COMMAND_GROUP).length;
  if (nesting > 0 && nesting < options.length)
    return {
      field: `${at}options`,
      code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      message: 'Sub-commands cannot be mixed with other options',
    };
  const names = new Set<string>();
  let optionalSeen = false;
  for (const [i, o] of options.entries()) {
    const here = `${at}options.${i}.`;
    if (!KNOWN_TYPES.has(o?.type))
      return {
        field: `${here}type`,
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of the option types.',
      };
    const named = nameAndDescription(here, o, true);
    if (named) return named;
    if (names.has(o.name))
      return {
        field: `${here}name`,
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option names must be unique',
      };
    names.add(o.name);
    if (o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP) {
      // A group holds subcommands; a subcommand holds plain options; nothing nests deeper.
      if (depth > (o.type === SUB_COMMAND_GROUP ? 0 : 1))
        return {
          field: `${here}type`,
          code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
          message: 'Sub-commands nest too deep',
        };
      const inner = optionList(here, o.options, o.type === SUB_COMMAND_GROUP ? depth + 1 : 2);
      if (inner) return inner;
      continue;
    }
    if (o.required === true && optionalSeen)
      return {
        field: `${here}required`,
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      };
    if (o.required !== true) optionalSeen = true;
    const problem = choices(here, o) ?? limits(here, o);
    if (problem) return problem;
  }
  return null;
}

/** The first thing Discord would refuse in command `c` at index `i` of a registration body, or null. */
export function commandProblem(i: number, c: Json): CommandProblem | null {
  const type = c.type ?? 1;
  const at = `${i}.`;
  // Only chat-input commands (type 1) are held to the lower-case name rule and need a description.
  if (type === 1) {
    const named = nameAndDescription(at, c, true);
    if (named) return named;
    return optionList(at, c.options, 0);
  }
  return null;
}
