/** What Interlude says when a button or form it no longer knows comes back (an old message, a restart between). */
export const ROUTING_TEXTS = {
  buttonExpired: 'That button has expired. Type /help to see what you can do.',
  formExpired: 'That form has expired. Type /checkin to start a fresh one.',
};
