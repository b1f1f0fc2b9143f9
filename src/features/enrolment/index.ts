import type { Feature } from '../../app/feature.js';
import { text } from '../../views/message.js';
import { confirmEnrolment } from './enrol.js';
import { ENROLMENT_TEXTS } from './texts.js';

/** Joining: /start shows what is kept and asks; these buttons answer. */
export const enrolment: Feature = {
  name: 'enrolment',
  buttons: {
    'enrol.agree': ({ deps, actor, params, now }) => confirmEnrolment(deps, actor, params, now).reply,
    'enrol.cancel': () => ({ blocks: [text(ENROLMENT_TEXTS.cancelled)] }),
  },
};
