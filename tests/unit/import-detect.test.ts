// Pins what an imported file is taken for, how its text is decoded, and the messages for files that are refused.
import { readFileSync } from 'node:fs';
import { checkFileSize, detectImport } from '../../src/formats/import/detect';
import { IMPORT_LIMITS } from '../../src/formats/import/draft';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

test('a zip is handed to the Anki reader; a SQLite collection too', () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
  const r = detectImport('deck.apkg', zip);
  expect(r.ok && r.detected.kind).toBe('anki');
  const sqlite = utf8('SQLite format 3\0rest');
  const s = detectImport('collection.anki2', sqlite);
  expect(s.ok && s.detected.kind).toBe('anki');
});

test('a spreadsheet workbook (a zip) is refused with what to do', () => {
  expect(detectImport('vocab.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({
    ok: false,
    issues: [
      {
        file: 'vocab.xlsx',
        message:
          'is a spreadsheet or office document, not a deck: save it as "CSV UTF-8" or "Unicode Text" and import that',
      },
    ],
  });
});

test('a binary file is refused: known formats are named, others called binary', () => {
  expect(detectImport('notes.pdf', utf8('%PDF-1.7\n…'))).toEqual({
    ok: false,
    issues: [
      {
        file: 'notes.pdf',
        message:
          'is a PDF document, not a deck: dockdeck imports .json decks, .csv/.tsv/.txt text and Anki .apkg packages',
      },
    ],
  });
  expect(detectImport('photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatchObject({
    ok: false,
    issues: [{ message: expect.stringMatching(/^is a JPEG image, not a deck/) }],
  });
  expect(detectImport('mystery.bin', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).toEqual({
    ok: false,
    issues: [
      {
        file: 'mystery.bin',
        message:
          'is a binary file, not a deck: dockdeck imports .json decks, .csv/.tsv/.txt text and Anki .apkg packages',
      },
    ],
  });
});

test('an empty file, or one of blanks only, is refused', () => {
  expect(detectImport('a.csv', new Uint8Array())).toEqual({
    ok: false,
    issues: [{ file: 'a.csv', message: 'is empty' }],
  });
  expect(detectImport('a.csv', utf8(' \r\n\n'))).toEqual({
    ok: false,
    issues: [{ file: 'a.csv', message: 'is empty' }],
  });
});

test('a file over the size limit is refused before it is read; a far bigger one gets its own message', () => {
  const max = IMPORT_LIMITS.maxFileBytes;
  expect(checkFileSize('big.csv', max)).toBeNull();
  expect(checkFileSize('big.csv', max + 100 * 1024 ** 2)).toEqual({
    file: 'big.csv',
    message: 'is 612.0 MB; files over 512 MB cannot be imported',
  });
  expect(checkFileSize('huge.apkg', 5 * 1024 ** 3)).toEqual({
    file: 'huge.apkg',
    message:
      'is 5.0 GB, far more than a browser tab can hold in memory (imports are limited to 512 MB): split it into smaller files, e.g. one deck each',
  });
  // detectImport applies the same check to the bytes (a view that claims a huge length is not needed for that).
  const fake = { byteLength: max + 1024 ** 2 } as Uint8Array;
  expect(detectImport('big.csv', fake)).toEqual({
    ok: false,
    issues: [{ file: 'big.csv', message: 'is 513.0 MB; files over 512 MB cannot be imported' }],
  });
});

test('UTF-8 with and without BOM decodes; the BOM is not part of the text', () => {
  const withBom = detectImport('a.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('front,back\n容器,container\n')]));
  expect(withBom).toEqual({
    ok: true,
    detected: { kind: 'csv', file: 'a.csv', text: 'front,back\n容器,container\n', encoding: 'utf-8' },
  });
  const plain = detectImport('a.csv', utf8('front,back\n'));
  expect(plain.ok && plain.detected.kind === 'csv' && plain.detected.text).toBe('front,back\n');
});

test('UTF-16 LE with BOM (Excel "Unicode Text") decodes', () => {
  const r = detectImport('excel-unicode-text.txt', fixture('excel-unicode-text.txt'));
  expect(r).toEqual({
    ok: true,
    detected: {
      kind: 'csv',
      file: 'excel-unicode-text.txt',
      encoding: 'utf-16le',
      text: 'Front\tBack\tTags\r\n容器\tcontainer\tdocker zh\r\n"two\r\nlines"\t"say ""hi"""\tmisc\r\n镜像\timage\tdocker\r\n',
    },
  });
});

test('UTF-16 BE with BOM decodes, and UTF-16 LE without BOM is recognised by its NUL bytes', () => {
  const be = detectImport('utf16be.txt', fixture('utf16be.txt'));
  expect(be.ok && be.detected.kind === 'csv' && [be.detected.encoding, be.detected.text]).toEqual([
    'utf-16be',
    'Front\tBack\nKernel\t内核\n',
  ]);
  const le = new Uint8Array(new Uint16Array([...'a,b\nc,d\n'].map((c) => c.charCodeAt(0))).buffer);
  const r = detectImport('x.csv', le);
  expect(r.ok && r.detected.kind === 'csv' && [r.detected.encoding, r.detected.text]).toEqual([
    'utf-16le',
    'a,b\nc,d\n',
  ]);
});

test('text that is not UTF-8 (Windows-1252 from Excel) is refused with where and what to do', () => {
  expect(detectImport('windows-1252.csv', fixture('windows-1252.csv'))).toEqual({
    ok: false,
    issues: [
      {
        file: 'windows-1252.csv',
        where: 'line 2, column 6',
        message:
          'is not valid UTF-8 text (byte 0xE9 cannot be read): save it as "CSV UTF-8" or "Unicode Text" (UTF-16) and import it again',
      },
    ],
  });
});

test('UTF-32 is refused by name', () => {
  expect(detectImport('a.txt', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toEqual({
    ok: false,
    issues: [{ file: 'a.txt', message: 'is UTF-32 text, which dockdeck cannot read: save it as UTF-8 or UTF-16' }],
  });
});

test('JSON is told from CSV by extension, else by its first characters; a cloze CSV is not JSON', () => {
  const kind = (file: string, text: string) => {
    const r = detectImport(file, utf8(text));
    return r.ok ? r.detected.kind : null;
  };
  expect(kind('deck.json', '{"format":"dockdeck/deck@1"}')).toBe('json');
  expect(kind('deck.json', 'not json at all')).toBe('json');
  expect(kind('deck', '  {\n  "format": 1 }')).toBe('json');
  expect(kind('cloze', '{{c1::Paris}} is the capital,France')).toBe('csv');
  expect(kind('data.csv', '{"a":1}')).toBe('csv');
});
