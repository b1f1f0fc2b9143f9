/**
 * A strict RFC 4180 reader for the export tests, written independently of src/views/csv.ts so a round trip through
 * both proves something. Fields may be quoted ("" inside is one quote; commas, CR and LF are literal inside);
 * records end with CRLF (a bare LF is accepted too); a final line break does not start an empty record.
 * Anything malformed (a stray quote, text after a closing quote, an unclosed quote) throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let fieldStarted = false;

  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '"' && !fieldStarted && field === '') {
      // A quoted field: read to the closing quote.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('CSV: a quoted field is never closed');
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += q;
        i++;
      }
      fieldStarted = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new Error(`CSV: unexpected ${JSON.stringify(next)} after a closing quote at ${i}`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
      continue;
    }
    if (c === '\n') {
      endRecord();
      i++;
      continue;
    }
    if (c === '"') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
    if (fieldStarted) throw new Error(`CSV: text after a quoted field at ${i}`);
    field += c;
    i++;
  }
  if (field !== '' || fieldStarted || record.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row; every record must have the header's width. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rest] = parseCsv(text);
  if (!header) throw new Error('CSV: no header row');
  const rows = rest.map((r, n) => {
    if (r.length !== header.length)
      throw new Error(`CSV: record ${n + 1} has ${r.length} fields, not ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']));
  });
  return { header, rows };
}
