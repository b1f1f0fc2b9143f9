/**
 * Sentences the private pages say that are not a feature's own: the footer, the check-in heading, and what a
 * person is told when a form cannot be saved. Written and reviewed by us, like every text (design principle 2).
 */
import { MAX_TEXT_CHARS } from '../../domain/text-input.js';

const limit = MAX_TEXT_CHARS.toLocaleString('en-US');

export const FOOTER_LEAD =
  'Interlude is not an emergency service and is not watched around the clock. If you are in danger or might act on thoughts of harming yourself, call your local emergency number or reach one of these now:';

export const TODAY_HEADING = 'Today’s check-in';
/** "Check-in for Sunday 29 November": a check-in for another day says which day, so nobody saves to the wrong one. */
export const dayHeading = (longDate: string): string => `Check-in for ${longDate}`;

/** Under a written answer on any form: whether it may be left blank, and how long it may be. */
export const textHint = (optional: boolean, maxChars: number): string =>
  `${optional ? 'Optional. ' : ''}Write as much or as little as you like (up to ${maxChars.toLocaleString('en-US')} characters).`;

export const REFLECTION_HINT = textHint(true, MAX_TEXT_CHARS);

/** Under the check-in form. */
export const CHECKIN_PRIVACY =
  "Only you can see your answers, unless you have chosen to share them with your group's facilitators.";

/** After the question of a field that may be left blank. */
export const OPTIONAL_MARK = '(optional)';

export const FORM_EXPIRED = {
  title: 'This page’s link has expired',
  lines: (longDate: string): string[] => [
    `The link for your check-in for ${longDate} has run out, so these answers could not be saved from it yet. Everything you typed is still here, below.`,
    'To keep it: type /checkin in your chat with Interlude, open the new link in this browser, then come back to this page and press Save again. Nothing has been saved so far.',
  ],
};

export const FORM_NEEDS_LINK = {
  title: 'Please open your link again',
  lines: [
    'This browser no longer has the session from your check-in link, so these answers could not be saved yet. Everything you typed is still here, below.',
    'To keep it: open your check-in link in this browser (or type /checkin in your chat with Interlude for a new one), then come back to this page and press Save again. Nothing has been saved so far.',
  ],
};

/** `day`: "today", or "Sunday 29 November". */
export const FORM_NEW_LINK = (day: string): string =>
  `You opened a new link, so these answers will be saved for ${day}. Please check them and press Save to keep them.`;

export const TOO_LARGE = {
  title: 'That was too long to save',
  lines: [
    `The reflection can hold up to ${limit} characters, and what was sent was far longer than this page can read, so it could not be saved or shown back here.`,
    `If you still have the text (your browser’s Back button may bring the form back with it), shorten it to ${limit} characters or fewer and save again.`,
  ],
};

export const SOMETHING_WENT_WRONG = {
  title: 'Something went wrong',
  lines: ['Sorry — that did not work, and it may not have been saved. Please go back and try again.'],
};

/** The reflection's label when the day's prompt is no longer known (a form shown back after its link ended). */
export const REFLECTION_LABEL = 'Your reflection (optional)';

/** A page form (journal, intention, action plan, session date) that could not be saved from this browser now. */
export const ENTRY_NOT_SAVED = {
  title: 'Please open a new link',
  lines: (expired: boolean): string[] => [
    expired
      ? 'The link to this page has run out, so what you wrote could not be saved from it. Everything you typed is still here, below.'
      : 'This browser no longer has the session from your link, so what you wrote could not be saved yet. Everything you typed is still here, below.',
    'To keep it: copy it, type the same command again in your chat with Interlude, and paste it into the page the new link opens. Nothing has been saved so far.',
  ],
};

/** Under a page form. */
export const ENTRY_PRIVACY = 'Only you can see what you write here.';

/** After a page form is saved. */
export const ENTRY_SAVED = { title: 'Saved', close: 'You can close this page now.' };
