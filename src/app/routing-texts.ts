/**
 * What Interlude says when a request cannot be routed: an unknown command or subcommand, someone not enrolled yet, a
 * button or form it no longer knows (an old message, a restart between).
 */
export const ROUTING_TEXTS = {
  noSuchSubcommand: (command: string, sub: string, names: readonly string[]) =>
    `/${command} has no “${sub}”. You can use: ${names.join(', ')}.`,
  needsSubcommand: (command: string, names: readonly string[]) =>
    `/${command} needs one more word: ${names.join(', ')}.`,
  unknownCommand: (command: string) => `I don't know /${command}. Type /help to see what I can do.`,
  notEnrolled:
    "You haven't started with Interlude yet. Type /start to begin — it takes a minute, and you can stop any time.",
  buttonExpired: 'That button has expired. Type /help to see what you can do.',
  formExpired: 'That form has expired. Type /checkin to start a fresh one.',
};
