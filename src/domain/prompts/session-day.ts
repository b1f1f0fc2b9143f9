import type { Prompt } from './prompt.js';

/** The day of a session: tiny and restful. Nothing here should feel like homework. */
export const SESSION_DAY_PROMPTS: readonly Prompt[] = [
  {
    id: 'ses-01',
    phase: 'session-day',
    theme: 'rest',
    text: 'What would help you feel comfortable and looked after as you rest today?',
  },
  {
    id: 'ses-02',
    phase: 'session-day',
    theme: 'mindfulness',
    text: 'If you like, pick one word for how you feel right now. That is plenty for today.',
  },
  {
    id: 'ses-03',
    phase: 'session-day',
    theme: 'somatic',
    text: 'Where in your body do you feel most at ease at this moment?',
  },
  {
    id: 'ses-04',
    phase: 'session-day',
    theme: 'gratitude',
    text: 'Who or what is taking care of you today? A name or a few words is enough.',
  },
  {
    id: 'ses-05',
    phase: 'session-day',
    theme: 'remember',
    text: 'Is there an image, colour or sound from today you want to keep? Jot it down and leave the rest for another day.',
  },
  {
    id: 'ses-06',
    phase: 'session-day',
    theme: 'mindfulness',
    text: 'Take three slow breaths. What do you notice once you have finished?',
  },
  {
    id: 'ses-07',
    phase: 'session-day',
    theme: 'rest',
    text: 'What does resting look like for you this evening?',
  },
  {
    id: 'ses-08',
    phase: 'session-day',
    theme: 'rest',
    text: 'What small comfort would feel good right now: a blanket, a warm drink, some quiet music?',
  },
  {
    id: 'ses-09',
    phase: 'session-day',
    theme: 'relationships',
    text: 'Would you like to hear from someone this evening, or would you rather have some quiet?',
  },
  {
    id: 'ses-10',
    phase: 'session-day',
    theme: 'intention',
    text: 'If you brought an intention into today, does it feel near or far right now? Either is fine.',
  },
  {
    id: 'ses-11',
    phase: 'session-day',
    theme: 'remember',
    text: 'Is there one thing you want to mention to your therapist? Write it here, then you can set it down for now.',
  },
  {
    id: 'ses-12',
    phase: 'session-day',
    theme: 'gratitude',
    text: 'What is one kind thing you could say to yourself today?',
  },
  {
    id: 'ses-13',
    phase: 'session-day',
    theme: 'sleep',
    text: 'What would help you settle into a good night of sleep tonight?',
  },
  {
    id: 'ses-14',
    phase: 'session-day',
    theme: 'creative',
    text: 'If today had a colour or a shape, what would it be?',
  },
];
