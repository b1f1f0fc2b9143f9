/** Every sentence the notes feature says: journal entries and intentions, the person's own dated private text. */
export const NOTES_TEXTS = {
  journal: {
    /** What the person writes, as the validation messages name it ("Your journal entry is empty …"). */
    noun: 'journal entry',
    saved: 'Saved to your journal. Only you can see it.',
    empty: 'Your journal is empty so far. Write an entry with /journal followed by whatever is on your mind.',
    recentHeading: (n: number) => `Your last ${n === 1 ? 'entry' : `${n} entries`}`,
  },
  intention: {
    noun: 'intention',
    set: 'Your intention is set. Hold it lightly — it is a direction, not a test.',
    none: 'You have no intention set yet. Set one with /intention followed by a few words, for example:',
    example: '/intention Meet my worries with curiosity this week',
    currentHeading: 'Your current intention',
    setOn: (date: string) => `Set ${date}.`,
    earlierHeading: 'Before that',
  },
} as const;
