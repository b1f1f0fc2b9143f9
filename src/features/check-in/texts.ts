/** What Interlude says around a check-in. */
export const CHECKIN_TEXTS = {
  heading: 'Check-in',
  orOnPage: 'Or answer on your private page',
  formOutOfDate: 'That check-in form is out of date. Type /checkin to start a fresh one.',
  saved: 'Thank you — saved',
  thanksHardDay:
    'Thank you for checking in on a hard day. Be gentle with yourself today. If you need someone right now, /crisis lists people you can reach.',
  thanksGoodDay:
    'Thank you for checking in — it sounds like a good day. Noticing that is worth something too.',
  thanks:
    'Thank you for checking in. Every answer, whatever the number, helps you see your weeks more clearly.',
};
