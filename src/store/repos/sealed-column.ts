/**
 * Where each sealed value lives. The AAD names the column and the person, so a blob copied to another column,
 * or to another person's row, fails to open rather than showing one person's words to someone else.
 */
export type SealedColumn =
  | 'checkins.reflection'
  | 'checkins.tags'
  | 'journal_entries.text'
  | 'intentions.text'
  | 'action_plans.text';

export const aadFor = (column: SealedColumn, participantId: number): string =>
  `${column}:participant=${participantId}`;
