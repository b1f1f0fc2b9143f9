/**
 * What Interlude says when a command's words are taken on the private page instead of the chat (design principle
 * 1: on Discord and Slack, what a person writes about their health does not pass through the chat service).
 * Written and reviewed like every other text.
 */
export const PAGE_FORM_TEXTS = {
  /** Above the link, when the command came with nothing typed. */
  onPage: (what: string) =>
    `To keep your words private, you write ${what} on your own page, which only you can open. The link works once.`,
  /** Above the link, when someone typed words into the chat anyway: they were not kept, and nothing is lost. */
  notKept: (what: string) =>
    `Thank you for writing. To keep your words private, Interlude did not keep what you typed in the chat: ${what} goes on your own page instead, which only you can open. Please write it there — you can copy what you typed. The link works once.`,
  linkLabel: (title: string) => `Open the page: ${title}`,
};

/** What each page form takes, in a sentence: "your journal entry". */
export const PAGE_FORM_WHAT: Readonly<Record<string, string>> = {
  journal: 'a journal entry',
  intention: 'your intention',
  action: 'an action plan',
  'session-log': 'the date of a session',
};
