/** Fixed instants and a one-line enrolment for the store tests. */
import { createHash } from 'node:crypto';
import type { Participant } from '../../src/domain/entities.js';
import type { SqliteStore } from '../../src/store/open-store.js';

/** Monday 2025-03-03 09:00 UTC. */
export const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
export const MIN = 60_000;

export function enrol(
  store: SqliteStore,
  userId: string,
  overrides: Partial<Parameters<SqliteStore['participants']['create']>[0]> = {},
): Participant {
  const space = store.spaces.ensure('discord', 'guild-1', 'Riverside Clinic', T0);
  return store.participants.create(
    {
      spaceId: space.id,
      platform: 'discord',
      userId,
      displayName: null,
      zone: 'Europe/Berlin',
      checkinTime: '20:00',
      consentVersion: 'v1',
      consentAt: T0,
      ...overrides,
    },
    T0,
  );
}

/** Texts that must survive sealing and storage byte for byte. */
export const TRICKY_TEXTS = {
  empty: '',
  emoji: 'Felt 🌊🫶🏽 today — family 👨‍👩‍👧‍👦 visit',
  rtl: 'שלום, אני מרגיש טוב יותר · أشعر بتحسن اليوم',
  combining: 'Ame\u0301lie, Zalgo: Z\u0351\u0308\u035fa\u0336l\u0334g\u0335o',
  html: '<script>alert("x")</script><b>bold</b>',
  sql: "Robert'); DROP TABLE journal_entries;-- and 1=1 OR ''=''",
  long: 'ab€'.repeat(1334).slice(0, 4000),
  newlines: 'line one\nline two\r\nline three\n\n\ttabbed\u2028sep',
  nul: 'before\u0000after',
} as const satisfies Record<string, string>;

/** A token hash as the web layer would store it (SHA-256), from a readable name. */
export const tokenHash = (name: string): Buffer => createHash('sha256').update(name).digest();
