/** What Interlude says on Discord only (its modals cannot stay open with an error). */
export const DISCORD_TEXTS = {
  tryAgain: 'Try again',
  formExpired: 'That form has expired. Type /checkin to start a fresh one.',
};
