import type { Prompt } from './prompt.js';

/**
 * Some time has passed since the last session and none is planned. These prompts help someone notice how they
 * are doing and bring it to their clinician; deciding what comes next is theirs and their clinician's, so no
 * prompt suggests a change to treatment.
 */
export const BOOSTER_DUE_PROMPTS: readonly Prompt[] = [
  {
    id: 'bst-01',
    phase: 'booster-due',
    theme: 'care-team',
    text: 'It has been a while since your last session. What would you like your clinician to know about how things have been?',
  },
  {
    id: 'bst-02',
    phase: 'booster-due',
    theme: 'looking-back',
    text: 'Over the weeks since your last session, what has felt steady, and what has felt harder?',
  },
  {
    id: 'bst-03',
    phase: 'booster-due',
    theme: 'care-team',
    text: 'Is there a question about what comes next that you would like to bring to your care team? You can write it down here.',
  },
  {
    id: 'bst-04',
    phase: 'booster-due',
    theme: 'looking-back',
    text: 'Which everyday practices have helped you most since your last session?',
  },
  {
    id: 'bst-05',
    phase: 'booster-due',
    theme: 'insight',
    text: 'Which insight from your sessions still feels alive for you? How does it show up in your days?',
  },
  {
    id: 'bst-06',
    phase: 'booster-due',
    theme: 'relationships',
    text: 'Who has been part of your support lately? Would it help to lean on them a little more?',
  },
  {
    id: 'bst-07',
    phase: 'booster-due',
    theme: 'setbacks',
    text: 'Have any old patterns come back? Noticing them is useful to share with your clinician, and it is not a failure.',
  },
  {
    id: 'bst-08',
    phase: 'booster-due',
    theme: 'sleep',
    text: 'How have your sleep and energy been over the past few weeks? A few words will do.',
  },
  {
    id: 'bst-09',
    phase: 'booster-due',
    theme: 'intention',
    text: 'What would you like the next stretch of your care to focus on? It could be a good thing to talk over with your clinician.',
  },
  {
    id: 'bst-10',
    phase: 'booster-due',
    theme: 'gratitude',
    text: 'What is something from your journey so far that you feel thankful for?',
  },
  {
    id: 'bst-11',
    phase: 'booster-due',
    theme: 'mindfulness',
    text: 'Take a quiet minute. Without judging it, what do you notice about how you are doing right now?',
  },
  {
    id: 'bst-12',
    phase: 'booster-due',
    theme: 'care-team',
    text: 'What would make it a little easier to get in touch with your care team, like choosing a time to call?',
  },
  {
    id: 'bst-13',
    phase: 'booster-due',
    theme: 'movement',
    text: 'How has your body been feeling lately? Is there a kind of movement that has been helping?',
  },
  {
    id: 'bst-14',
    phase: 'booster-due',
    theme: 'narrative',
    text: 'If you wrote the story of the time since your last session, what would you call its chapters?',
  },
];
