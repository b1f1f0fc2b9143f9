/**
 * The notes room's use cases and its part of /export, through the app as composed (real SQLite, real registry).
 * The commands keep their replies; writing goes through one use case for both kinds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { exportFilesOf, personDataOf } from '../../../src/app/export-data.js';
import { partsOf } from '../../../src/app/feature.js';
import type { Participant } from '../../../src/domain/entities.js';
import { UserError } from '../../../src/errors.js';
import { FEATURES } from '../../../src/features/index.js';
import { notesExport, writeNote } from '../../../src/features/notes/index.js';
import { NOTES_TEXTS } from '../../../src/features/notes/texts.js';
import type { OutMessage } from '../../../src/views/message.js';
import { AppHarness, at } from '../../helpers/app-harness.js';

const ZONE = 'Europe/Berlin';
const words = (m: OutMessage) => m.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

let h: AppHarness;
let kim: Actor;
let p: Participant;
beforeEach(async () => {
  h = new AppHarness();
  kim = h.actor('kim');
  h.now = at(ZONE, '2026-03-02T23:30');
  p = await h.enrol(kim, ZONE, '08:00');
});
afterEach(() => h.close());

describe('notes', () => {
  it('is a registered feature', () => {
    expect(FEATURES.map((f) => f.name)).toContain('notes');
  });

  it('dates a note in the person’s own zone and keeps each kind to itself', () => {
    const j = writeNote(h.deps, p, 'journal', '  late thoughts  ', h.now);
    const i = writeNote(h.deps, p, 'intention', 'Sleep earlier', h.now);
    // 23:30 in Berlin is 22:30 UTC: still the 2nd there.
    expect(j).toMatchObject({ kind: 'journal', localDate: '2026-03-02', text: 'late thoughts' });
    expect(i).toMatchObject({ kind: 'intention', localDate: '2026-03-02', text: 'Sleep earlier' });
    expect(h.store.journal.all(p.id)).toEqual([j]);
    expect(h.store.intentions.all(p.id)).toEqual([i]);
  });

  it.each([
    ['journal', 'invalid-journal', 'journal entry'],
    ['intention', 'invalid-intention', 'intention'],
  ] as const)('refuses an empty %s with its own code and word, storing nothing', (kind, code, noun) => {
    let err: unknown;
    try {
      writeNote(h.deps, p, kind, '   ', h.now);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe(code);
    expect((err as UserError).message).toBe(`Your ${noun} is empty — write a few words and try again.`);
    expect(h.store.journal.all(p.id)).toEqual([]);
    expect(h.store.intentions.all(p.id)).toEqual([]);
  });

  it('answers /journal and /intention with the catalogue’s sentences', async () => {
    expect(words(await h.command(kim, 'journal', 'read'))).toBe(NOTES_TEXTS.journal.empty);
    expect(words(await h.command(kim, 'journal', 'write', { text: 'A quiet day' }))).toBe(
      NOTES_TEXTS.journal.saved,
    );
    const set = await h.command(kim, 'intention', 'set', { text: 'Walk at lunch' });
    expect(words(set)).toBe(`${NOTES_TEXTS.intention.set}\nWalk at lunch`);
    expect(set.sensitive).toBe(true);
    const read = await h.command(kim, 'journal', 'read');
    expect(words(read)).toContain('A quiet day');
    expect(words(read)).not.toContain('Walk at lunch');
    const shown = await h.command(kim, 'intention', 'show');
    expect(words(shown)).toContain('Walk at lunch');
    expect(words(shown)).not.toContain('A quiet day');
  });

  it('gives /export its journal and intentions sections and their CSV files', () => {
    writeNote(h.deps, p, 'journal', 'first, "quoted"\nentry', h.now);
    writeNote(h.deps, p, 'intention', 'Be kind to myself', h.now + 60_000);
    const part = notesExport.collect(h.store, p);
    const recordedAt = new Date(h.now).toISOString();
    expect(part).toEqual({
      journal: [{ date: '2026-03-02', text: 'first, "quoted"\nentry', recordedAt }],
      intentions: [
        { date: '2026-03-02', text: 'Be kind to myself', recordedAt: new Date(h.now + 60_000).toISOString() },
      ],
    });

    // Registered through the feature list: the whole export holds these sections and these files.
    const parts = partsOf(FEATURES).dataParts.exports;
    expect(parts.find((x) => x.owner === 'notes')?.part).toBe(notesExport);
    const data = personDataOf(parts, h.store, p);
    expect({ journal: data.journal, intentions: data.intentions }).toEqual(part);
    const files = notesExport.files(part);
    expect(files.map((f) => f.filename)).toEqual(['interlude-journal.csv', 'interlude-intentions.csv']);
    expect(files[0]?.data).toBe(
      `"date","text","recorded_at"\r\n"2026-03-02","first, ""quoted""\nentry","${recordedAt}"\r\n`,
    );
    const all = exportFilesOf(parts, data);
    for (const f of files) expect(all.find((a) => a.filename === f.filename)).toEqual(f);
  });
});
