import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryOf, type MultipartLimits, parseMultipart } from '../src/http/multipart.js';
import { multipart } from './support/multipart.js';

const LIMITS: MultipartLimits = { parts: 2, headersPerPart: 20, headerBytes: 8192 };
const text = (value: Uint8Array) => Buffer.from(value).toString('utf8');

describe('boundaryOf', () => {
  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['Multipart/Form-Data;boundary="a b:c"', 'a b:c'],
    ['multipart/form-data; charset=utf-8; BOUNDARY=----x1', '----x1'],
  ])('reads %j', (header, boundary) => {
    expect(boundaryOf(header)).toBe(boundary);
  });

  it.each([
    'multipart/form-data',
    'multipart/form-datax; boundary=a',
    'multipart/mixed; boundary=a',
    `multipart/form-data; boundary=${'a'.repeat(71)}`,
    'multipart/form-data; boundary="ends with space "',
    'multipart/form-data; boundary=',
  ])('refuses %j', (header) => {
    expect(boundaryOf(header)).toBeNull();
  });
});

describe('parseMultipart', () => {
  it('splits the parts the way a browser or the SDK builds them, as views', () => {
    const image = new Uint8Array([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xd9]); // CRLF-- inside
    const body = multipart([
      {
        name: 'metadata',
        data: '{"a":1}',
        filename: 'metadata.json',
        contentType: 'application/json',
      },
      { name: 'image', data: image, filename: 'capture.jpg', contentType: 'image/jpeg' },
    ]);
    const result = parseMultipart(body.payload, boundaryOf(body.contentType) ?? '', LIMITS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [metadata, file] = result.parts;
    expect(metadata).toMatchObject({ name: 'metadata', filename: 'metadata.json' });
    expect(text(metadata?.data ?? new Uint8Array())).toBe('{"a":1}');
    expect(file).toMatchObject({ name: 'image', filename: 'capture.jpg' });
    expect(new Uint8Array(file?.data ?? [])).toEqual(image);
    expect(file?.data.buffer).toBe(body.payload.buffer); // no copy
  });

  it('reads fields without a filename, quoted names, preamble, padding and epilogue', () => {
    const raw = Buffer.from(
      'preamble\r\n--b\t \r\ncontent-disposition: form-data; name="meta\\"data"\r\n\r\nv\r\n--b\r\n' +
        'Content-Disposition: form-data; name=image; filename=""\r\nX-Other: 1\r\n\r\n\r\n--b--\r\nepilogue',
    );
    const result = parseMultipart(raw, 'b', LIMITS);
    expect(result).toMatchObject({
      ok: true,
      parts: [
        { name: 'meta"data', filename: undefined },
        { name: 'image', filename: '' },
      ],
    });
    if (result.ok) expect(result.parts[1]?.data.length).toBe(0);
  });

  it.each([
    ['no boundary at all', 'hello'],
    ['a cut-off body', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf of it'],
    ['a cut-off header', '--b\r\nContent-Disposition: form-data; name="a"\r\n'],
    ['a part without a name', '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--'],
    [
      'a part that is not form-data',
      '--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--b--',
    ],
    ['a part without headers', '--b\r\n\r\nx\r\n--b--'],
    ['a malformed header', '--b\r\nno colon here\r\n\r\nx\r\n--b--'],
    [
      'junk after a boundary',
      '--bjunk\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--',
    ],
    [
      'too many parts',
      `${'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n'.repeat(3)}--b--`,
    ],
    [
      'too many headers',
      `--b\r\nContent-Disposition: form-data; name="a"\r\n${'X: 1\r\n'.repeat(20)}\r\nx\r\n--b--`,
    ],
  ])('refuses %s', (_what, body) => {
    expect(parseMultipart(Buffer.from(body), 'b', LIMITS).ok).toBe(false);
  });

  it('never throws, whatever the bytes', () => {
    const pieces = fc.constantFrom(
      '--b',
      '\r\n',
      '--',
      'Content-Disposition: form-data; name="a"',
      ': ',
      'x',
      ' ',
      '"',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 40 }),
        (list) => {
          const result = parseMultipart(Buffer.from(list.join('')), 'b', LIMITS);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
