import type { Database } from 'better-sqlite3';
import type { Checkin, CheckinSource } from '../../domain/entities.js';
import type { LocalDate } from '../../domain/types.js';
import type { CheckinRepo } from '../../ports/store.js';
import type { FieldCipher } from '../field-cipher.js';
import { aadFor } from './sealed-column.js';

interface CheckinRow {
  id: number;
  participant_id: number;
  local_date: LocalDate;
  mood: number;
  sleep: number;
  energy: number;
  anxiety: number;
  reflection: Buffer | null;
  tags: Buffer;
  prompt_id: string | null;
  source: CheckinSource;
  created_at: number;
}

type NewRow = Omit<CheckinRow, 'id'>;

export function createCheckinRepo(db: Database, cipher: FieldCipher): CheckinRepo {
  const insert = db.prepare<NewRow, CheckinRow>(
    `INSERT INTO checkins (
       participant_id, local_date, mood, sleep, energy, anxiety, reflection, tags, prompt_id, source, created_at
     ) VALUES (
       @participant_id, @local_date, @mood, @sleep, @energy, @anxiety, @reflection, @tags, @prompt_id, @source,
       @created_at
     ) RETURNING *`,
  );
  const betweenStmt = db.prepare<[number, LocalDate, LocalDate], CheckinRow>(
    `SELECT * FROM checkins WHERE participant_id = ? AND local_date BETWEEN ? AND ?
     ORDER BY local_date, id`,
  );
  const exists = db
    .prepare<[number, LocalDate], number>(
      'SELECT EXISTS (SELECT 1 FROM checkins WHERE participant_id = ? AND local_date = ?)',
    )
    .pluck();
  const allStmt = db.prepare<[number], CheckinRow>(
    'SELECT * FROM checkins WHERE participant_id = ? ORDER BY local_date, id',
  );

  // Tags are health data too (what someone did, who they saw), so they are sealed like the reflection.
  const openTags = (r: CheckinRow): string[] => {
    const parsed: unknown = JSON.parse(cipher.open(r.tags, aadFor('checkins.tags', r.participant_id)));
    if (!Array.isArray(parsed) || !parsed.every((t): t is string => typeof t === 'string')) {
      throw new Error(`checkins: the tags of check-in ${r.id} are not a list of strings`);
    }
    return parsed;
  };

  const toCheckin = (r: CheckinRow): Checkin => ({
    id: r.id,
    participantId: r.participant_id,
    localDate: r.local_date,
    mood: r.mood,
    sleep: r.sleep,
    energy: r.energy,
    anxiety: r.anxiety,
    reflection:
      r.reflection === null
        ? null
        : cipher.open(r.reflection, aadFor('checkins.reflection', r.participant_id)),
    tags: openTags(r),
    promptId: r.prompt_id,
    source: r.source,
    createdAt: r.created_at,
  });

  return {
    add(participantId, localDate, answers, promptId, source, now) {
      const row = insert.get({
        participant_id: participantId,
        local_date: localDate,
        mood: answers.mood,
        sleep: answers.sleep,
        energy: answers.energy,
        anxiety: answers.anxiety,
        reflection:
          answers.reflection === null
            ? null
            : cipher.seal(answers.reflection, aadFor('checkins.reflection', participantId)),
        tags: cipher.seal(JSON.stringify(answers.tags), aadFor('checkins.tags', participantId)),
        prompt_id: promptId,
        source,
        created_at: now,
      });
      if (!row) throw new Error('checkins.add: the insert returned no row');
      return toCheckin(row);
    },
    between(participantId, from, to) {
      return betweenStmt.all(participantId, from, to).map(toCheckin);
    },
    existsOn(participantId, localDate) {
      return exists.get(participantId, localDate) === 1;
    },
    all(participantId) {
      return allStmt.all(participantId).map(toCheckin);
    },
  };
}
