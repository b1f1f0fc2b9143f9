export const ENROLMENT_TEXTS = {
  cancelled: 'No problem. Nothing was saved. /start is here if you change your mind.',
};
