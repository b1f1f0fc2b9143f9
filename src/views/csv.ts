/** RFC 4180 CSV: every cell quoted, quotes doubled, CRLF between rows. Values are written exactly as stored. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => `"${(v === null || v === undefined ? '' : String(v)).replaceAll('"', '""')}"`;
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
