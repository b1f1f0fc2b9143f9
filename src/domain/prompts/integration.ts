import type { Prompt } from './prompt.js';

/**
 * The first days after a session: deeper reflection while it is fresh. The body-check prompts are preferred on
 * days 1-2 so a gentle side-effects question comes up early; none of them tells anyone what to do medically.
 */
export const INTEGRATION_PROMPTS: readonly Prompt[] = [
  {
    id: 'int-01',
    phase: 'integration',
    theme: 'body-check',
    text: 'How is your body today? Notice anything like a headache, queasiness or feeling unsteady, and anything that feels good too.',
  },
  {
    id: 'int-02',
    phase: 'integration',
    theme: 'body-check',
    text: 'A quick body check: how did you sleep, and how are your head, your stomach and your balance today?',
  },
  {
    id: 'int-03',
    phase: 'integration',
    theme: 'body-check',
    text: 'Scan slowly from head to toe. Is any part of you asking for rest, water or an easier pace today?',
  },
  {
    id: 'int-04',
    phase: 'integration',
    theme: 'narrative',
    text: 'Tell your session as a story: how it began, what happened along the way, how it ended. Gaps are fine; fill them as you go.',
  },
  {
    id: 'int-05',
    phase: 'integration',
    theme: 'remember',
    text: 'What came up in your session that you keep coming back to?',
  },
  {
    id: 'int-06',
    phase: 'integration',
    theme: 'remember',
    text: 'What from your session would you most like to still remember a month from now?',
  },
  {
    id: 'int-07',
    phase: 'integration',
    theme: 'insight',
    text: 'Was there a moment that surprised you or took you off guard? What do you think it might be pointing to?',
  },
  {
    id: 'int-08',
    phase: 'integration',
    theme: 'somatic',
    text: 'How did your body feel during the session, and do you notice any trace of those feelings now?',
  },
  {
    id: 'int-09',
    phase: 'integration',
    theme: 'action',
    text: 'If one insight from your session became a small action this week, what would it be? Make it concrete: what, when, where.',
  },
  {
    id: 'int-10',
    phase: 'integration',
    theme: 'relationships',
    text: 'Is there someone you would like to share part of your experience with? What would you want them to understand?',
  },
  {
    id: 'int-11',
    phase: 'integration',
    theme: 'creative',
    text: 'Try capturing something from your session without words: a sketch, a few shapes, a tune. What came out?',
  },
  {
    id: 'int-12',
    phase: 'integration',
    theme: 'setbacks',
    text: 'Was any part of the session hard to be with? You do not need to make sense of it yet; just note what it was.',
  },
  {
    id: 'int-13',
    phase: 'integration',
    theme: 'insight',
    text: 'If parts of the session made no sense, that is all right. Which piece, however strange, has stayed with you?',
  },
  {
    id: 'int-14',
    phase: 'integration',
    theme: 'rest',
    text: 'What could you keep slow and quiet in these first days, so there is room to take things in?',
  },
];
