// Pins issue 9 items 5 and 6: the separator Anki would detect, ragged rows kept and listed, a `Front,Back` row is a header.
import { readFileSync } from 'node:fs';
import { buildCsvDrafts } from '../../src/formats/csv/read-cards';
import { ankiSeparator, guessSeparator, parseCsvText, type CsvTable } from '../../src/formats/csv/parse';
import { checkMapping, csvPreview, RAGGED_LISTED, suggestMapping } from '../../src/formats/csv/mapping';
import { detectImport } from '../../src/formats/import/detect';
import { lines, refusal } from './helpers/issue-lines';

function fixtureText(name: string): string {
  const r = detectImport(name, new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url))));
  if (!r.ok || r.detected.kind !== 'csv') throw new Error(`${name} is not CSV text`);
  return r.detected.text;
}

async function table(text: string, file = 'cards.csv'): Promise<CsvTable> {
  const r = await parseCsvText(file, text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// Anki's own cases: rslib/src/import_export/text/csv/metadata.rs and import.rs tests, and the shape of
// pylib/tests/support/text-2fields.txt. [what, file body, Anki's separator, columns Anki would show]
const ANKI_CASES: ReadonlyArray<[string, string, string, number]> = [
  ['"pick up from first line"', 'foo\tbar\n', '\t', 2],
  ['"detect from line"', 'foo;bar\n', ';', 2],
  ['a pipe inside quotes, tabs between fields', '"foo|\nbar"\tfoo\tbar\n', '\t', 3],
  ['commas inside pipe-separated fields', 'fr,ont|ba,ck\n', '|', 2],
  ['a plain comma line', 'front,back\n', ',', 2],
  ['three comma fields', 'foo,bar,baz\n', ',', 3],
  ['a note type column', 'Basic,front,back\nCloze,foo,bar\n', ',', 3],
  ['colon', 'foo:bar\nbaz:qux\n', ':', 2],
  ['space, when nothing else occurs', 'foo bar\nbaz qux\n', ' ', 2],
  ['semicolon and comma both split evenly: the order decides', 'a,b;c\nd,e;f\n', ';', 2],
  ['tab-separated with commas in one line (text-2fields.txt)', fixtureText('text-2fields-like.txt'), '\t', 2],
  // Anki reads 8 KiB: a tab after that is not seen.
  ['a tab after the first 8 KiB', `${'a,b\n'.repeat(2100)}x\ty\n`, ',', 2],
];

test.each(ANKI_CASES)('Anki detects the separator of %s; so do we', async (_what, body, sep, columns) => {
  expect(ankiSeparator(body)).toBe(sep);
  expect(guessSeparator(body, 'cards.txt')).toBe(sep);
  const t = await table(body, 'cards.txt');
  expect([t.separator, t.separatorSource, t.columnCount]).toEqual([sep, 'detected', columns]);
});

test("Anki's order is tab, pipe, semicolon, colon, comma, space, by the first 8 KiB after the # header lines", () => {
  const all = 'a b,c:d;e|f\tg\n';
  expect(ankiSeparator(all)).toBe('\t');
  expect(ankiSeparator(all.replace('\t', '')), 'no tab').toBe('|');
  expect(ankiSeparator('a b,c:d;e\n')).toBe(';');
  expect(ankiSeparator('a b,c:d\n')).toBe(':');
  expect(ankiSeparator('a b,c\n')).toBe(',');
  expect(ankiSeparator('a b\n')).toBe(' ');
  // Nothing to find: Anki falls back to space.
  expect(ankiSeparator('\n')).toBe(' ');
  // Multi-byte text counts as bytes, as Anki reads it: 2,731 CJK characters are 8,193 bytes.
  expect(ankiSeparator(`${'容'.repeat(2731)}\t`)).toBe(' ');
  expect(ankiSeparator(`${'容'.repeat(2730)}\t`)).toBe('\t');
});

// Where Anki's first-found rule splits a file that is plainly something else, an even split wins.
const OUR_CASES: ReadonlyArray<[string, string, string, string, number]> = [
  ['URLs in a comma file (Anki: colon)', 'Google,https://google.com\nBing,https://bing.com\n', 'c.csv', ',', 2],
  ['a note with a colon in a comma file (Anki: colon)', 'Note: one,1\ntwo,2\nthree,3\n', 'c.csv', ',', 2],
  [
    'cloze text, one column (Anki: colon)',
    '{{c1::Paris}} is in {{c2::France}}\n{{c1::Rome}} is in Italy\n',
    'c.txt',
    ',',
    1,
  ],
  ['one line of words (Anki: space)', 'no marker here\n', 'c.txt', ',', 1],
  ['one column in a .tsv', 'alpha\nbeta\n', 'c.tsv', '\t', 1],
  ['semicolon file, pipes in some cells (Anki: pipe)', 'q;a|b\nr;c\ns;d\n', 'c.csv', ';', 2],
];

test.each(OUR_CASES)('%s', async (_what, body, file, sep, columns) => {
  const t = await table(body, file);
  expect([t.separator, t.columnCount]).toEqual([sep, columns]);
});

test('the existing fixtures are read with the separators they were written with', async () => {
  for (const [name, sep, columns] of [
    ['excel-semicolon.csv', ';', 2],
    ['excel-unicode-text.txt', '\t', 3],
    ['utf16be.txt', '\t', 2],
    ['ragged.csv', ',', 3],
    ['anki-notes-plain-text.txt', '\t', 6],
    ['anki-plain-no-html.txt', '\t', 3],
  ] as const) {
    const t = await table(fixtureText(name), name);
    expect([name, t.separator, t.columnCount]).toEqual([name, sep, columns]);
  }
});

test('text-2fields: read, not refused; the odd rows listed; missing fields empty; the back required only when it is', async () => {
  const t = await table(fixtureText('text-2fields-like.txt'), 'text-2fields-like.txt');
  expect(t.ragged).toEqual([
    { line: 4, fields: 3 },
    { line: 5, fields: 1 },
  ]);
  expect(t.rows[1]).toEqual(['colours', 'red, orange, yellow, green, blue, indigo, violet, black, white, grey']);
  expect(t.rows[4]).toEqual(['moon', '']);
  const preview = csvPreview(t);
  expect(preview).toMatchObject({
    separator: '\t',
    separatorName: 'tab',
    columnCount: 2,
    rowCount: 8,
    longRows: [{ line: 4, fields: 3 }],
    longCount: 1,
    shortRows: [{ line: 5, fields: 1 }],
    shortCount: 1,
    problems: [],
    mapping: { hasHeader: false, front: 0, back: 1 },
  });

  const basic = await buildCsvDrafts(t, preview.mapping);
  expect(refusal(basic)).toContain('text-2fields-like.txt: row 5 field "back": is empty (column 2)');
  // A cloze card's back is optional: the short row is then no problem at all.
  const cloze = await buildCsvDrafts(t, { ...preview.mapping, cardType: 'cloze' });
  expect((cloze.ok ? [] : cloze.issues).filter((i) => i.place?.row === 5)).toEqual([]);
});

test('a wrong separator still gives a table: the odd rows listed, the first ones named', async () => {
  const body = Array.from({ length: 30 }, (_, i) => `q${i}\ta${i}, b${i}`).join('\n');
  const r = await parseCsvText('t.txt', `${body}\nlast\tone, two, three\n`, { separator: ',' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const preview = csvPreview(r.value);
  expect([preview.separatorSource, preview.columnCount, preview.longCount]).toEqual(['chosen', 2, 1]);
  expect(preview.longRows).toEqual([{ line: 31, fields: 3 }]);
  expect(preview.shortCount).toBe(0);
  const many = await parseCsvText('t.csv', `${'a,b\n'.repeat(30)}${'c\n'.repeat(RAGGED_LISTED + 5)}`);
  if (!many.ok) throw new Error(JSON.stringify(many.issues));
  const p = csvPreview(many.value);
  expect([p.columnCount, p.shortCount, p.shortRows.length, p.shortRows[0], p.longCount]).toEqual([
    2,
    RAGGED_LISTED + 5,
    RAGGED_LISTED,
    { line: 31, fields: 1 },
    0,
  ]);
});

test('quote problems do not stop the preview; they stop the cards, naming the row', async () => {
  const t = await table('front,back\nq,"open\nr,2\n', 'q.csv');
  expect(t.problems).toEqual([{ file: 'q.csv', place: { row: 2 }, code: 'csv.unclosed-quote' }]);
  expect(lines(t.problems)).toEqual([
    'q.csv: row 2: has a quote (") that is never closed, so the rest of the file would be one field',
  ]);
  expect(lines(t.problems, 'zh')).toEqual([
    'q.csv，第 2 行：有一个引号（"）没有闭合，文件剩下的部分都会被读成同一个字段',
  ]);
  expect(csvPreview(t).rows.length).toBeGreaterThan(0);
  expect(checkMapping(t, suggestMapping(t))).toEqual(t.problems);
});

describe('a first row of column names is a header, with one data row, short cells or none', () => {
  test.each([
    ['Front,Back\n'],
    ['front,back\n'],
    ['Question,Answer\n'],
    ['正面,背面\n'],
    ['问题\t答案\n'],
    ['Front,Back,Tags\n'],
  ])('%j alone: a header and nothing to import', async (text) => {
    const t = await table(text);
    const m = suggestMapping(t);
    expect(m.hasHeader).toBe(true);
    expect(csvPreview(t, m).rowCount).toBe(0);
    expect(lines(checkMapping(t, m))).toEqual(['cards.csv: has no rows to import (only a header row)']);
  });

  test.each([
    ['Front,Back\nq,a\n', 0, 1],
    ['Back,Front\ncat,猫\n', 1, 0],
    ['question;answer\n1;2\n3;4\n', 0, 1],
    ['正面\t背面\n猫\tcat\n', 0, 1],
  ])('%j: a header, short cells under it', async (text, front, back) => {
    const t = await table(text);
    expect(suggestMapping(t)).toMatchObject({ hasHeader: true, front, back });
    expect(csvPreview(t).rowCount).toBe(t.rows.length - 1);
  });

  test.each([['cat,dog\n'], ['Front,of the house\n'], ['front\n']])(
    '%j alone: not all column names, so it is a card',
    async (text) => {
      expect(suggestMapping(await table(text)).hasHeader).toBe(false);
    },
  );
});
