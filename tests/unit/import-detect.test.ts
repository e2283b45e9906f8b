// Pins what an imported file is taken for, how its text is decoded, and the messages for files that are refused.
import { readFileSync } from 'node:fs';
import { checkFileSize, detectImport } from '../../src/formats/import/detect';
import { IMPORT_LIMITS } from '../../src/formats/import/draft';
import { lines, refusal } from './helpers/issue-lines';

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
  const r = detectImport('vocab.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]));
  expect(r).toEqual({ ok: false, issues: [{ file: 'vocab.xlsx', code: 'file.office-document' }] });
  expect(refusal(r)).toEqual([
    'vocab.xlsx: is a spreadsheet or office document, not a deck: save it as "CSV UTF-8" or "Unicode Text" and import that',
  ]);
  expect(refusal(r, 'zh')).toEqual([
    'vocab.xlsx：是电子表格或办公文档，不是卡组：请把它另存为“CSV UTF-8”或“Unicode 文本”，再导入另存的文件',
  ]);
});

test('a binary file is refused: known formats are named, others called binary', () => {
  expect(refusal(detectImport('notes.pdf', utf8('%PDF-1.7\n…')))).toEqual([
    'notes.pdf: is a PDF document, not a deck: dockdeck imports .json decks, .csv/.tsv/.txt text and Anki .apkg packages',
  ]);
  const jpeg = detectImport('photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
  expect(jpeg).toEqual({
    ok: false,
    issues: [{ file: 'photo.jpg', code: 'file.other-format', params: { kind: 'jpeg' } }],
  });
  expect(refusal(jpeg)[0]).toMatch(/^photo\.jpg: is a JPEG image, not a deck/);
  expect(refusal(jpeg, 'zh')[0]).toMatch(/^photo\.jpg：是 JPEG 图片，不是卡组/);
  expect(refusal(detectImport('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])))).toEqual([
    'old.xls: is an old Office file (.xls/.doc), not a deck: save it as "CSV UTF-8" or "Unicode Text" and import that',
  ]);
  expect(
    refusal(detectImport('mystery.bin', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))),
  ).toEqual([
    'mystery.bin: is a binary file, not a deck: dockdeck imports .json decks, .csv/.tsv/.txt text and Anki .apkg packages',
  ]);
});

test('an empty file, or one of blanks only, is refused', () => {
  expect(detectImport('a.csv', new Uint8Array())).toEqual({
    ok: false,
    issues: [{ file: 'a.csv', code: 'file.empty' }],
  });
  expect(refusal(detectImport('a.csv', utf8(' \r\n\n')))).toEqual(['a.csv: is empty']);
});

test('a file over the size limit is refused before it is read; a far bigger one gets its own message', () => {
  const max = IMPORT_LIMITS.maxFileBytes;
  expect(checkFileSize('big.csv', max)).toBeNull();
  expect(lines([checkFileSize('big.csv', max + 100 * 1024 ** 2)!])).toEqual([
    'big.csv: is 612 MB; files over 512 MB cannot be imported',
  ]);
  const huge = checkFileSize('huge.apkg', 5 * 1024 ** 3)!;
  expect(huge).toEqual({
    file: 'huge.apkg',
    code: 'file.far-too-big',
    params: { sizeBytes: 5 * 1024 ** 3, limitBytes: max },
  });
  expect(lines([huge])).toEqual([
    'huge.apkg: is 5120 MB, far more than a browser tab can hold in memory (imports are limited to 512 MB): split it into smaller files, e.g. one deck each',
  ]);
  // detectImport applies the same check to the bytes (a view that claims a huge length is not needed for that).
  const fake = { byteLength: max + 1024 ** 2 } as Uint8Array;
  expect(refusal(detectImport('big.csv', fake))).toEqual(['big.csv: is 513 MB; files over 512 MB cannot be imported']);
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
  const r = detectImport('windows-1252.csv', fixture('windows-1252.csv'));
  expect(r).toEqual({
    ok: false,
    issues: [
      {
        file: 'windows-1252.csv',
        place: { line: 2, column: 6 },
        code: 'file.bad-text',
        params: { encoding: 'UTF-8', byte: 'E9' },
      },
    ],
  });
  expect(refusal(r)).toEqual([
    'windows-1252.csv: line 2, column 6: is not valid UTF-8 text (byte 0xE9 cannot be read): save it as "CSV UTF-8" or "Unicode Text" (UTF-16) and import it again',
  ]);
  expect(refusal(r, 'zh')).toEqual([
    'windows-1252.csv，第 2 行第 6 列：不是有效的 UTF-8 文本（字节 0xE9 无法读取）：请把它另存为“CSV UTF-8”或“Unicode 文本”（UTF-16）后重新导入',
  ]);
});

test('UTF-32 is refused by name', () => {
  expect(refusal(detectImport('a.txt', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toEqual([
    'a.txt: is UTF-32 text, which dockdeck cannot read: save it as UTF-8 or UTF-16',
  ]);
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
