import type { Feature } from '../../app/feature.js';
import { answerSessionQuestion } from '../../app/session-answer.js';
import { SESSION_ANSWER } from '../../app/session-question.js';
import { sessionsExport } from './export.js';

/** Therapy session dates: the "did it happen?" buttons, and their part of /export. */
export const sessions: Feature = {
  name: 'sessions',
  exportPart: sessionsExport,
  buttons: {
    [SESSION_ANSWER]: ({ deps, me, params, now }) => answerSessionQuestion(deps, me(), params, now),
  },
};
