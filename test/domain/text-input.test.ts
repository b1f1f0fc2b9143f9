import { describe, expect, it } from 'vitest';
import { freeText, MAX_TEXT_CHARS } from '../../src/domain/text-input.js';

describe('free text', () => {
  const journal = freeText('journal entry');

  it('stores line ends as \\n whatever the browser or paste sent', () => {
    expect(journal.parse('first\r\nsecond\rthird\nfourth')).toBe('first\nsecond\nthird\nfourth');
  });

  it('keeps everything else exactly: emoji, RTL, zero-width joiners, markup', () => {
    const s = '👩‍👩‍👧 שלום ‏مرحبا‎ a\u200Bb <b>@everyone</b> **x**';
    expect(journal.parse(s)).toBe(s);
  });

  it('counts a CRLF as one character toward the limit, as the person sees it', () => {
    const lines = Array.from({ length: MAX_TEXT_CHARS / 2 }, () => 'a').join('\r\n');
    expect(journal.safeParse(lines).success).toBe(true);
  });
});
