import type { Prompt } from './prompt.js';

/** The days before a session: an intention to bring, and the practical arrangements that make the day easier. */
export const PREPARATION_PROMPTS: readonly Prompt[] = [
  {
    id: 'prp-01',
    phase: 'preparation',
    theme: 'intention',
    text: 'What intention would you like to bring to your next session? Think of it as a direction, not a result you have to reach.',
  },
  {
    id: 'prp-02',
    phase: 'preparation',
    theme: 'logistics',
    text: 'Who is taking you home after your session? If that is not settled yet, who could you ask today?',
  },
  {
    id: 'prp-03',
    phase: 'preparation',
    theme: 'logistics',
    text: 'Have you been able to keep some time free after your session, so you do not have to rush back to work or errands?',
  },
  {
    id: 'prp-04',
    phase: 'preparation',
    theme: 'logistics',
    text: 'Does anyone rely on you that day, like children, pets or someone you care for? Who could step in for a while?',
  },
  {
    id: 'prp-05',
    phase: 'preparation',
    theme: 'relationships',
    text: 'Who would you like to know about your session day, and who could you check in with afterwards?',
  },
  {
    id: 'prp-06',
    phase: 'preparation',
    theme: 'looking-back',
    text: 'Since your last session, what has changed for you, even a little?',
  },
  {
    id: 'prp-07',
    phase: 'preparation',
    theme: 'insight',
    text: 'Has an insight from your last session grown or shifted in meaning since then? In what way?',
  },
  {
    id: 'prp-08',
    phase: 'preparation',
    theme: 'care-team',
    text: 'Is there something you would like to ask or tell your care team before the session? Writing it down can make it easier to raise.',
  },
  {
    id: 'prp-09',
    phase: 'preparation',
    theme: 'mindfulness',
    text: 'How are you feeling about the session ahead? Any mix of feelings is welcome here.',
  },
  {
    id: 'prp-10',
    phase: 'preparation',
    theme: 'sleep',
    text: 'What would help you rest well over the next few nights?',
  },
  {
    id: 'prp-11',
    phase: 'preparation',
    theme: 'rest',
    text: 'Picture the hours after your session. What would make that time feel calm and comfortable?',
  },
  {
    id: 'prp-12',
    phase: 'preparation',
    theme: 'mindfulness',
    text: 'Sit quietly for a few breaths. What do you notice about the way you are arriving at this session?',
  },
  {
    id: 'prp-13',
    phase: 'preparation',
    theme: 'action',
    text: 'How did the step you chose after your last session go? Whatever happened, what did it show you?',
  },
  {
    id: 'prp-14',
    phase: 'preparation',
    theme: 'intention',
    text: 'Try finishing this sentence for your next session: "I am willing to…"',
  },
];
