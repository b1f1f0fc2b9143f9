/**
 * A small multipart/form-data parser for what undici's FormData sends (the WebClient's binary bodies).
 */

export interface FormPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** undici escapes '"', CR and LF in names as %22, %0D, %0A. */
function unescapeName(value: string): string {
  return value.replaceAll('%22', '"').replaceAll('%0D', '\r').replaceAll('%0A', '\n');
}

function parseHeaders(block: string): Omit<FormPart, 'data'> {
  let name = '';
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key !== 'content-disposition') continue;
    const nameMatch = /;\s*name="([^"]*)"/i.exec(value);
    if (nameMatch) name = unescapeName(nameMatch[1] ?? '');
    const fileMatch = /;\s*filename="([^"]*)"/i.exec(value);
    if (fileMatch) filename = unescapeName(fileMatch[1] ?? '');
  }
  return { name, filename, contentType };
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // Prefix CRLF so the first delimiter looks like the others.
  const buf = Buffer.concat([Buffer.from('\r\n'), body]);
  const parts: FormPart[] = [];
  let pos = buf.indexOf(delimiter);
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (buf.subarray(start, start + 2).toString() === '--') break;
    if (buf.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const next = buf.indexOf(delimiter, headerEnd + 4);
    if (next < 0) break;
    const headers = parseHeaders(buf.subarray(start, headerEnd).toString('utf8'));
    parts.push({ ...headers, data: Buffer.from(buf.subarray(headerEnd + 4, next)) });
    pos = next;
  }
  return parts;
}
