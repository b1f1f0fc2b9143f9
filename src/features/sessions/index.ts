import type { Feature } from '../../app/feature.js';
import { textOf } from '../../app/page-forms.js';
import { localDateOf } from '../../domain/local-time.js';
import { sessionLogForm } from '../../domain/session-log-form.js';
import type { LocalDate } from '../../domain/types.js';
import { answerSessionQuestion } from './answer.js';
import { sessionsExport } from './export.js';
import { SESSION_ANSWER } from './question.js';
import { logSession } from './sessions.js';

/** Therapy session dates: the "did it happen?" buttons, and their part of /export. */
export const sessions: Feature = {
  name: 'sessions',
  exportPart: sessionsExport,
  // In link mode on Discord and Slack, /session log takes its date on the private page, starting at today.
  pageForms: {
    'session-log': {
      form: sessionLogForm,
      initial: (p, now) => ({ date: localDateOf(now, p.zone) }),
      save: (deps, p, a, now) => logSession(deps, p, textOf(sessionLogForm, 'date', a) as LocalDate, now),
    },
  },
  buttons: {
    [SESSION_ANSWER]: ({ deps, me, params, now }) => answerSessionQuestion(deps, me(), params, now),
  },
};
