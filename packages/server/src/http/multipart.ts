// A `multipart/form-data` (RFC 7578) splitter for a body already in memory. The upload route
// needs both parts whole anyway, so instead of a streaming parser (busboy searches boundaries
// in JavaScript and then the parts are joined again) the body is read once, like the bare
// baseline does, and split with `Buffer.indexOf`: each part is a view into the body, no copy.

/** One part of a form: its name, its filename if it is a file, and its bytes (a view). */
export interface FormPart {
  readonly name: string;
  /** Set (possibly empty) when the part is a file; undefined for a plain field. */
  readonly filename: string | undefined;
  readonly data: Buffer;
}

/** Limits that bound the work a hostile body can cause. */
export interface MultipartLimits {
  readonly parts: number;
  readonly headersPerPart: number;
  readonly headerBytes: number;
}

/** The parts, or why the body is not well-formed multipart. */
export type MultipartResult =
  | { readonly ok: true; readonly parts: FormPart[] }
  | { readonly ok: false; readonly reason: string };

const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s";]*))/i;
/** RFC 2046: 1 to 70 of these characters, not ending in a space. */
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const DASH = 0x2d;

/** The boundary of a `multipart/form-data` content type, or null if it has none (or a bad one). */
export function boundaryOf(contentType: string): string | null {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = BOUNDARY.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && BCHARS.test(boundary) ? boundary : null;
}

/** Value of one `; key=value` parameter (quoted or not) of a header, unescaped. */
function param(header: string, key: string): string | undefined {
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/g;
  for (let match = re.exec(header); match; match = re.exec(header)) {
    if (match[1]?.toLowerCase() !== key) continue;
    return match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
  }
  return undefined;
}

/** A part's form name and filename from its header block, or why not. */
function describePart(
  head: string,
  limits: MultipartLimits,
): { name: string; filename: string | undefined } | string {
  const lines = head === '' ? [] : head.split('\r\n');
  if (lines.length > limits.headersPerPart) return 'a part has too many headers';
  let disposition: string | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a part header is malformed';
    if (line.slice(0, colon).trim().toLowerCase() === 'content-disposition') {
      disposition ??= line.slice(colon + 1).trim();
    }
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) return 'a part is not form-data';
  const name = param(disposition, 'name');
  if (name === undefined) return 'a part has no name';
  return { name, filename: param(disposition, 'filename') ?? param(disposition, 'filename*') };
}

/**
 * Splits `body` at `boundary`. Preamble and epilogue are ignored; a body without its closing
 * delimiter (cut off) or with more than `limits.parts` parts is refused. Total: never throws.
 */
export function parseMultipart(
  body: Buffer,
  boundary: string,
  limits: MultipartLimits,
): MultipartResult {
  const fail = (reason: string): MultipartResult => ({ ok: false, reason });
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may open the body (no CRLF before it) or follow a preamble.
  const opening = delimiter.subarray(2);
  const first = body.subarray(0, opening.length).equals(opening) ? -2 : body.indexOf(delimiter);
  if (first === -1) return fail('no boundary found');
  let pos = first + delimiter.length;
  const parts: FormPart[] = [];
  for (;;) {
    if (body[pos] === DASH && body[pos + 1] === DASH) return { ok: true, parts }; // close
    while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1; // transport padding
    if (!body.subarray(pos, pos + 2).equals(CRLF)) return fail('a boundary line is malformed');
    pos += 2;
    if (parts.length === limits.parts) return fail('too many parts');
    // A part with no headers at all starts with the blank line right away.
    const headEnd = body.subarray(pos, pos + 2).equals(CRLF)
      ? pos - 2
      : body.indexOf(HEAD_END, pos);
    if (headEnd < 0 || headEnd - pos > limits.headerBytes) return fail('a part header is cut off');
    const described = describePart(
      headEnd < pos ? '' : body.toString('utf8', pos, headEnd),
      limits,
    );
    if (typeof described === 'string') return fail(described);
    const start = headEnd + HEAD_END.length;
    const end = body.indexOf(delimiter, start);
    if (end < 0) return fail('the body is cut off (no closing boundary)');
    parts.push({ ...described, data: body.subarray(start, end) });
    pos = end + delimiter.length;
  }
}
