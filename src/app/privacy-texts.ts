/** What Interlude says when it keeps health details off a chat, and when it hands someone their data. */
export const KEPT_OFF_CHAT =
  'This holds your health details, so Interlude keeps it out of the chat. It is on your private page, which only you can open:';

/** The label of the link that takes the place of a reply holding health details. */
export const OPEN_PRIVATE_PAGE = 'Open your private page';

export const EXPORT_HERE =
  'Here is everything Interlude holds about you: one JSON file with all of it, and CSV files that open in a spreadsheet.';
