import type { Database } from 'better-sqlite3';
import type { LocalDate } from '../../domain/types.js';
import type { PromptHistoryRepo } from '../../ports/store.js';

export function createPromptHistoryRepo(db: Database): PromptHistoryRepo {
  const forDateStmt = db
    .prepare<[number, LocalDate], string>(
      'SELECT prompt_id FROM prompt_history WHERE participant_id = ? AND local_date = ?',
    )
    .pluck();
  const shownStmt = db
    .prepare<[number, LocalDate, LocalDate], string>(
      `SELECT prompt_id FROM prompt_history WHERE participant_id = ? AND local_date BETWEEN ? AND ?
       ORDER BY local_date`,
    )
    .pluck();
  // The first prompt chosen for a day stays the day's prompt: a retried or repeated pick cannot swap it mid-day.
  const recordStmt = db.prepare<[number, LocalDate, string]>(
    `INSERT INTO prompt_history (participant_id, local_date, prompt_id) VALUES (?, ?, ?)
     ON CONFLICT (participant_id, local_date) DO NOTHING`,
  );

  return {
    forDate(participantId, localDate) {
      return forDateStmt.get(participantId, localDate) ?? null;
    },
    shownBetween(participantId, from, to) {
      return shownStmt.all(participantId, from, to);
    },
    record(participantId, localDate, promptId) {
      recordStmt.run(participantId, localDate, promptId);
    },
  };
}
