import type { Prompt } from './prompt.js';

/** The weeks between sessions: light daily reflection, a weekly intention, and follow-up on small action plans. */
export const MAINTENANCE_PROMPTS: readonly Prompt[] = [
  {
    id: 'mnt-01',
    phase: 'maintenance',
    theme: 'intention',
    text: 'What gentle intention would you like to carry through this week?',
  },
  {
    id: 'mnt-02',
    phase: 'maintenance',
    theme: 'action',
    text: 'Choose one insight you want to live by. What is one small, specific thing you could do about it this week?',
  },
  {
    id: 'mnt-03',
    phase: 'maintenance',
    theme: 'action',
    text: 'How is your current plan going? If it feels heavy, what would a smaller next step look like?',
  },
  {
    id: 'mnt-04',
    phase: 'maintenance',
    theme: 'sleep',
    text: 'How has your sleep been lately, and what is one thing that helps you wind down at night?',
  },
  {
    id: 'mnt-05',
    phase: 'maintenance',
    theme: 'movement',
    text: 'What kind of movement felt good to you recently, even a short walk or a stretch?',
  },
  {
    id: 'mnt-06',
    phase: 'maintenance',
    theme: 'mindfulness',
    text: 'When did you feel most present today? What were you doing at the time?',
  },
  {
    id: 'mnt-07',
    phase: 'maintenance',
    theme: 'creative',
    text: 'Is there something creative you enjoy, like drawing, music, cooking or writing, that you could make a little room for this week?',
  },
  {
    id: 'mnt-08',
    phase: 'maintenance',
    theme: 'somatic',
    text: 'Where are you holding tension today? What might help it soften a little?',
  },
  {
    id: 'mnt-09',
    phase: 'maintenance',
    theme: 'relationships',
    text: 'Who has helped you feel supported lately? Is there someone you would like to reach out to?',
  },
  {
    id: 'mnt-10',
    phase: 'maintenance',
    theme: 'setbacks',
    text: 'If an old pattern showed up recently, what was happening around it? Setbacks are part of the path, and they often teach something.',
  },
  {
    id: 'mnt-11',
    phase: 'maintenance',
    theme: 'gratitude',
    text: 'What are three small things that went well or felt good today?',
  },
  {
    id: 'mnt-12',
    phase: 'maintenance',
    theme: 'insight',
    text: 'Think of an insight from an earlier session. Does it mean something different to you now?',
  },
  {
    id: 'mnt-13',
    phase: 'maintenance',
    theme: 'looking-back',
    text: 'What is something you did lately that you might not have done a few months ago?',
  },
  {
    id: 'mnt-14',
    phase: 'maintenance',
    theme: 'setbacks',
    text: 'On a harder day, what helps you find your way back to yourself? Note it here so it is ready when you need it.',
  },
];
