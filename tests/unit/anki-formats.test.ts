// The low-level readers under the Anki package reader: protobuf wire format, zip directory, zstd frames.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import {
  ProtobufError,
  bytesField,
  decodeMessage,
  readVarint,
  repeatedBytes,
  stringField,
  varintField,
} from '../../src/formats/anki/protobuf';
import { PartError } from '../../src/domain/errors';
import type { PartIssue } from '../../src/domain/issue';
import { openZip, readEntry } from '../../src/formats/anki/zip';
import { crc32 } from '../../src/formats/bytes';
import { zstdBound, zstdDecode } from '../../src/formats/anki/zstd';
import { pbBytes, pbConcat, pbVarint, zstd, zstdFrame } from './helpers/anki-build';

const bytes = (...b: number[]) => new Uint8Array(b);
/** The issue a low-level reader refuses its input with (it throws nothing but a PartError). */
function refused(run: () => unknown): PartIssue {
  try {
    run();
  } catch (e) {
    if (e instanceof PartError) return e.issue;
    throw e;
  }
  throw new Error('was read without complaint');
}
const text = (s: string) => new TextEncoder().encode(s);

describe('protobuf reader', () => {
  it('reads varints of one to ten bytes', () => {
    expect(readVarint(bytes(0x96, 0x01), 0)).toEqual({ value: 150, next: 2 });
    expect(readVarint(bytes(0x80, 0x80, 0x80, 0x80, 0x10), 0)).toEqual({ value: 2 ** 32, next: 5 });
    expect(() => readVarint(bytes(0x80), 0)).toThrow(new ProtobufError('truncated varint'));
    expect(() => readVarint(new Uint8Array(11).fill(0x80), 0)).toThrow(
      new ProtobufError('varint longer than 10 bytes'),
    );
  });

  it('reads PackageMetadata { version = 1 } and MediaEntries { repeated entries = 1 { name = 1 } }', () => {
    expect(varintField(decodeMessage(pbVarint(1, 3)), 1)).toBe(3);
    const list = pbConcat(pbBytes(1, pbConcat(pbBytes(1, 'a.png'), pbVarint(2, 10))), pbBytes(1, pbBytes(1, 'b.mp3')));
    expect(repeatedBytes(decodeMessage(list), 1).map((e) => stringField(decodeMessage(e), 1))).toEqual([
      'a.png',
      'b.mp3',
    ]);
  });

  it('gives proto3 defaults for absent fields, the last value for repeated scalars, and skips fixed-width fields', () => {
    const msg = decodeMessage(
      pbConcat(pbVarint(1, 1), pbVarint(1, 2), bytes(0x15, 1, 2, 3, 4), bytes(0x19, 1, 2, 3, 4, 5, 6, 7, 8)),
    );
    expect(varintField(msg, 1)).toBe(2);
    expect(varintField(msg, 7)).toBe(0);
    expect(stringField(msg, 7)).toBe('');
    expect(bytesField(msg, 7)).toBeUndefined();
  });

  it('refuses malformed messages with ProtobufError', () => {
    expect(() => decodeMessage(bytes(0x0a, 0x05, 1))).toThrow(
      new ProtobufError('field 1 runs past the end of the message'),
    );
    expect(() => decodeMessage(bytes(0x0b))).toThrow(new ProtobufError('unsupported wire type 3 (field 1)'));
    expect(() => decodeMessage(bytes(0x00))).toThrow(new ProtobufError('field number 0'));
    expect(() => varintField(decodeMessage(pbBytes(1, 'x')), 1)).toThrow(
      new ProtobufError('field 1 should be a number'),
    );
  });

  it('throws nothing but ProtobufError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        try {
          decodeMessage(b);
        } catch (e) {
          if (!(e instanceof ProtobufError)) throw e;
        }
      }),
    );
  });
});

describe('zip reader', () => {
  it('reads stored and deflated entries, checking their CRC', () => {
    const data = text('hello hello hello hello');
    const zip = openZip(zipSync({ a: [data, { level: 0 }], b: [data, { level: 9 }] }));
    expect([...zip.entries.values()].map((e) => [e.name, e.method])).toEqual([
      ['a', 0],
      ['b', 8],
    ]);
    expect(readEntry(zip, zip.entries.get('a')!)).toEqual(data);
    expect(readEntry(zip, zip.entries.get('b')!)).toEqual(data);
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });

  it('throws nothing but a PartError on random bytes, and on damaged copies of a real zip', () => {
    const real = zipSync({ 'collection.anki2': text('x'.repeat(300)), media: text('{}') });
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(real.length - 1),
        fc.integer({ min: 0, max: 255 }),
        (junk, at, value) => {
          const damaged = real.slice();
          damaged[at] = value;
          for (const b of [junk, damaged]) {
            try {
              const zip = openZip(b);
              for (const e of zip.entries.values()) readEntry(zip, e);
            } catch (e) {
              if (!(e instanceof PartError)) throw e;
            }
          }
        },
      ),
    );
  });
});

describe('zstd decoding', () => {
  it('bounds and decodes frames written by a streaming encoder (raw and RLE blocks, no content size)', () => {
    const frame = zstdFrame([{ raw: text('abc') }, { rle: 0x7a, size: 5 }]);
    expect(zstdBound(frame)).toEqual({ bound: 8, exact: true, singleSized: false });
    expect(new TextDecoder().decode(zstdDecode(frame, 100))).toBe('abczzzzz');
  });

  it('decodes what a zstd encoder wrote, with its content size', async () => {
    const data = text('Anki collection '.repeat(5000));
    const packed = await zstd(data);
    expect(zstdBound(packed)).toEqual({ bound: data.length, exact: true, singleSized: true });
    expect(zstdDecode(packed, data.length)).toEqual(data);
  });

  it('stops at the allowed size, and refuses huge windows, dictionaries and reserved blocks', () => {
    const frame = zstdFrame([{ rle: 1, size: 2000 }]);
    expect(refused(() => zstdDecode(frame, 1000))).toEqual({ code: 'zstd.too-big', params: { limitBytes: 1000 } });
    const corrupt = (detail: string) => ({ code: 'zstd.corrupt', params: { detail } });
    const hugeWindow = bytes(0x28, 0xb5, 0x2f, 0xfd, 0x00, (31 - 10) << 3, 1, 0, 0);
    expect(refused(() => zstdBound(hugeWindow))).toEqual(corrupt('window of 2048 MB is larger than allowed'));
    const dictionary = bytes(0x28, 0xb5, 0x2f, 0xfd, 0x01, 0x38, 7, 1, 0, 0);
    expect(refused(() => zstdBound(dictionary))).toEqual(corrupt('needs a zstd dictionary'));
    const reserved = bytes(0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38, 0x07, 0, 0);
    expect(refused(() => zstdBound(reserved))).toEqual(corrupt('reserved block type'));
  });

  it('skips skippable frames', () => {
    const skippable = bytes(0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9);
    const frame = zstdFrame([{ raw: text('ok') }]);
    expect(new TextDecoder().decode(zstdDecode(pbConcat(skippable, frame), 10))).toBe('ok');
  });

  it('throws nothing but a PartError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (b, magic) => {
        const input = magic ? pbConcat(bytes(0x28, 0xb5, 0x2f, 0xfd), b) : b;
        try {
          zstdDecode(input, 1 << 20);
        } catch (e) {
          if (!(e instanceof PartError)) throw e;
        }
      }),
    );
  });
});
