import { z } from 'zod';

/** The longest free text we keep in one field: a long reflection, well past a chat message. */
export const MAX_TEXT_CHARS = 4000;

/** Characters, as a person counts them: an emoji or an accented letter is one, not two UTF-16 units. */
export const charCount = (s: string): number => [...s].length;

// C0 controls other than tab, newline and carriage return: invisible, and NUL breaks C strings downstream.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Half of a UTF-16 surrogate pair: not a character, and it would be stored as U+FFFD, changing the text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text a person writes (reflection, journal, intention, action). Kept exactly as written — no trimming inside,
 * no normalising — except that leading and trailing white space is dropped and line ends are stored as `\n`
 * (browsers send `\r\n`; an old Mac paste, a lone `\r`), so the same words read back the same everywhere.
 */
export const freeText = (what: string, opts: { optional?: boolean } = {}) =>
  z
    .string({ error: `Please write your ${what} as text.` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => opts.optional || s.length > 0, {
      message: `Your ${what} is empty — write a few words and try again.`,
    })
    .refine((s) => !LONE_SURROGATE.test(s), {
      message: `Your ${what} has a broken character in it (half of an emoji, perhaps from a copy and paste). Please retype that part and try again — nothing was saved.`,
    })
    .refine((s) => !CONTROL.test(s), {
      message: `Your ${what} has an invisible control character in it (perhaps from a copy and paste). Please remove it and try again — nothing was saved.`,
    })
    .refine((s) => charCount(s) <= MAX_TEXT_CHARS, {
      error: (issue) =>
        `That ${what} is ${charCount(String(issue.input).trim()).toLocaleString('en-US')} characters; I can keep up to ${MAX_TEXT_CHARS.toLocaleString('en-US')} in one go. Nothing was saved — you could split it into two entries.`,
    });
