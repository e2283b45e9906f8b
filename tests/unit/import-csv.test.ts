// Pins CSV/TSV import as Anki and spreadsheets write it: headers, separators, quoting, ragged rows, mapping and drafts.
import { readFileSync } from 'node:fs';
import { buildCsvDrafts } from '../../src/formats/csv/read-cards';
import { parseCsvText, type CsvTable } from '../../src/formats/csv/parse';
import { csvPreview, suggestMapping, type CsvMapping } from '../../src/formats/csv/mapping';
import { detectImport } from '../../src/formats/import/detect';
import { hashText } from '../../src/formats/import/progress';
import { CancelledError } from '../../src/domain/errors';
import { lines, refusal } from './helpers/issue-lines';

function fixtureText(name: string): string {
  const r = detectImport(name, new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url))));
  if (!r.ok || r.detected.kind !== 'csv') throw new Error(`${name} is not CSV text`);
  return r.detected.text;
}

async function table(text: string, file = 'cards.csv', separator?: string): Promise<CsvTable> {
  const r = await parseCsvText(file, text, separator === undefined ? {} : { separator });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function build(t: CsvTable, edit: Partial<CsvMapping> = {}) {
  return buildCsvDrafts(t, { ...suggestMapping(t), ...edit });
}

test('Anki "Notes in Plain Text": #separator, #html, #guid/#notetype/#deck/#tags column honoured', async () => {
  const t = await table(fixtureText('anki-notes-plain-text.txt'), 'anki-notes-plain-text.txt');
  expect(t.headers).toEqual({
    separator: '\t',
    html: true,
    guidColumn: 1,
    notetypeColumn: 2,
    deckColumn: 3,
    tagsColumn: 6,
  });
  const preview = csvPreview(t);
  expect(preview).toMatchObject({
    separatorName: 'tab',
    separatorSource: 'header',
    columnCount: 6,
    rowCount: 4,
    columnNames: null,
    lines: [7, 8, 9, 10],
    htmlFromHeader: true,
    mapping: { hasHeader: false, id: 0, notetype: 1, deck: 2, front: 3, back: 4, tags: 5, html: true },
  });
  // The quoted GUID (it holds "#") and the quoted field with doubled quotes and a line break come back as written.
  expect(preview.rows[1]).toEqual([
    'b#Kq)3@fz',
    'Basic (and reversed card)',
    'Spanish::Verbs',
    'comer',
    'to eat; "to dine"',
    'verb er-verb',
  ]);
  expect(preview.rows[3]?.[3]).toBe('estar:\nstates');

  const r = await build(t);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const src = (section: string) => ({ doc: 'anki-notes-plain-text.txt', section });
  const text = (s: string) => ({ en: s, zh: s });
  expect(r.value).toEqual({
    warnings: [],
    drafts: [
      {
        format: 'csv',
        media: [],
        history: [],
        deck: {
          format: 'dockdeck/deck@1',
          id: 'spanish-verbs',
          title: text('Spanish::Verbs'),
          tags: [],
          sources: [{ doc: 'anki-notes-plain-text.txt' }],
          tables: [],
          textFormat: 'html',
          cards: [
            {
              id: `g-${hashText('Ot0!xV^Lq%')}`,
              // The row's own GUID, written back by an export.
              anki: { guid: 'Ot0!xV^Lq%' },
              type: 'basic',
              tags: ['verb', 'ar-verb'],
              source: src('Spanish::Verbs'),
              front: text('<b>hablar</b>'),
              back: text('to speak'),
            },
            {
              id: `g-${hashText('b#Kq)3@fz')}`,
              // The row's own GUID, written back by an export.
              anki: { guid: 'b#Kq)3@fz' },
              type: 'reverse',
              tags: ['verb', 'er-verb'],
              source: src('Spanish::Verbs'),
              front: text('comer'),
              back: text('to eat; "to dine"'),
            },
          ],
        },
      },
      {
        format: 'csv',
        media: [],
        history: [],
        deck: {
          format: 'dockdeck/deck@1',
          id: 'spanish-grammar',
          title: text('Spanish::Grammar'),
          tags: [],
          sources: [{ doc: 'anki-notes-plain-text.txt' }],
          tables: [],
          textFormat: 'html',
          cards: [
            {
              id: `g-${hashText('D>s6]6+Y]u')}`,
              // The row's own GUID, written back by an export.
              anki: { guid: 'D>s6]6+Y]u' },
              type: 'cloze',
              tags: ['grammar'],
              source: src('Spanish::Grammar'),
              text: text('{{c1::Ser}} is for lasting traits'),
            },
            {
              id: `g-${hashText('kP4&z!Qm2a')}`,
              // The row's own GUID, written back by an export.
              anki: { guid: 'kP4&z!Qm2a' },
              type: 'basic',
              tags: [],
              source: src('Spanish::Grammar'),
              front: text('estar:\nstates'),
              back: text('temporary<br>conditions'),
            },
          ],
        },
      },
    ],
  });
});

test('Anki #html:false: plain text is escaped so it shows as written', async () => {
  const t = await table(fixtureText('anki-plain-no-html.txt'), 'anki-plain-no-html.txt');
  const r = await build(t);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const cards = r.value.drafts[0]!.deck.cards;
  expect(cards.map((c) => (c.type === 'basic' ? [c.front.en, c.back.en, c.tags] : null))).toEqual([
    ['a &lt; b', '2 \\* 3 \\* 4', ['math']],
    ['\\# not a heading', '\\- not a list', []],
  ]);
  expect(r.value.drafts[0]!.deck).toMatchObject({ id: 'anki-plain-no-html', title: { en: 'anki-plain-no-html' } });
});

test('#separator by name or literal character, #columns names the columns, #tags adds tags to every card', async () => {
  const text = [
    '#separator:Semicolon',
    '#columns:Back;Front;Tags',
    '#tags:imported  week-1',
    'answer;question;a',
    '',
  ].join('\n');
  const t = await table(text);
  expect(t.separator).toBe(';');
  const m = suggestMapping(t);
  expect(m).toMatchObject({ hasHeader: false, front: 1, back: 0, tags: 2 });
  const r = await build(t);
  expect(r.ok && r.value.drafts[0]!.deck.cards[0]).toMatchObject({
    front: { en: 'question' },
    back: { en: 'answer' },
    tags: ['imported', 'week-1', 'a'],
  });
  for (const [header, sep] of [
    ['Comma', ','],
    ['tab', '\t'],
    ['PIPE', '|'],
    ['space', ' '],
    ['colon', ':'],
    ['~', '~'],
  ] as const)
    expect((await table(`#separator:${header}\nq${sep}a\n`)).rows).toEqual([['q', 'a']]);
});

test('a first row that starts with # but is not a #key:value header stays a row', async () => {
  const t = await table('#1 tip,use volumes\n#2 tip,prune images\n');
  expect([t.headers, t.rows, t.lines]).toEqual([
    {},
    [
      ['#1 tip', 'use volumes'],
      ['#2 tip', 'prune images'],
    ],
    [1, 2],
  ]);
});

test('Excel "Unicode Text" (UTF-16 TSV): header row detected, quoted line breaks kept, plain text', async () => {
  const t = await table(fixtureText('excel-unicode-text.txt'), 'excel-unicode-text.txt');
  expect(csvPreview(t)).toMatchObject({
    separatorName: 'tab',
    separatorSource: 'detected',
    rowCount: 3,
    columnNames: ['Front', 'Back', 'Tags'],
    lines: [1, 2, 3, 5],
  });
  const r = await build(t);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.value.drafts[0]!.deck.cards.map((c) => (c.type === 'basic' ? [c.front.zh, c.back.en] : []))).toEqual([
    ['容器', 'container'],
    ['two<br>lines', 'say "hi"'],
    ['镜像', 'image'],
  ]);
});

test('separators are detected: semicolon (European Excel), pipe, tab, comma', async () => {
  const semi = await table(fixtureText('excel-semicolon.csv'), 'excel-semicolon.csv');
  expect([semi.separator, semi.rows[2]]).toEqual([';', ['Farben; drei', 'rot, grün, blau']]);
  expect(suggestMapping(semi)).toMatchObject({ hasHeader: true, front: 0, back: 1 });
  expect((await table('a|b|c\nd|e, f|g\n')).separator).toBe('|');
  expect((await table('a\tb, c\nd\te; f\n')).separator).toBe('\t');
  // Both split every row in two: Anki's order (tab, pipe, semicolon, colon, comma, space) decides, as in Anki.
  expect((await table('a,b;c\nd,e;f\n')).separator).toBe(';');
});

test('ragged rows are read as Anki reads them: missing fields empty, extra fields left out, each row listed', async () => {
  const t = await table(fixtureText('ragged.csv'), 'ragged.csv');
  expect([t.separator, t.columnCount, t.ragged, t.problems]).toEqual([
    ',',
    3,
    [
      { line: 3, fields: 2 },
      { line: 5, fields: 4 },
    ],
    [],
  ]);
  expect(t.rows[2]).toEqual(['two', '2', '']);
  expect(csvPreview(t)).toMatchObject({
    longRows: [{ line: 5, fields: 4 }],
    longCount: 1,
    shortRows: [{ line: 3, fields: 2 }],
    shortCount: 1,
  });
  // The tags column is not required, so the short row is an ordinary card; the extra field is not imported.
  const r = await build(t);
  expect(r.ok && r.value.drafts[0]!.deck.cards.map((c) => [c.type === 'basic' && c.back.en, c.tags])).toEqual([
    ['1', ['num']],
    ['2', []],
    ['3', ['num']],
    ['4', ['and', 'more']],
  ]);
});

test('row numbers count the header lines and the lines inside quoted fields', async () => {
  const text = '#separator:comma\nq1,"multi\nline"\nq2,a2,extra\n';
  // A tie: the first row's field count is the usual one. q2 starts on line 4, after the two lines of q1.
  expect((await table(text, 'c.csv')).ragged).toEqual([{ line: 4, fields: 3 }]);
});

test('an unclosed quote is shown, not refused at once: no card is made until it reads cleanly', async () => {
  const t = await table('front,back\none,1\n"two,2\nthree,3\n', 'q.csv');
  const issue = { file: 'q.csv', place: { row: 3 }, code: 'csv.unclosed-quote' };
  expect(t.problems).toEqual([issue]);
  expect(lines(t.problems)).toEqual([
    'q.csv: row 3: has a quote (") that is never closed, so the rest of the file would be one field',
  ]);
  expect(csvPreview(t).problems).toEqual([issue]);
  expect(await build(t)).toEqual({ ok: false, issues: [issue] });
});

test('two rows with the same front (no id column) or the same id are refused, naming both rows', async () => {
  const t = await table('front,back\nsame,1\nother,2\nsame,3\n');
  expect(refusal(await build(t))).toEqual([
    'cards.csv: row 4 field "front": has the same front as row 2: choose an id column, or make the fronts differ',
  ]);
  const withIds = await table('id,front,back\nk1,a,1\nk2,b,2\nk1,c,3\n');
  const dup = await build(withIds);
  expect(refusal(dup)).toEqual(['cards.csv: row 4 field "id": has the same id as row 2 ("k1")']);
  expect(refusal(dup, 'zh')).toEqual(['cards.csv，第 4 行，“卡片 ID”列：与第 2 行的 ID 相同（“k1”）']);
});

test('card HTML with scripts is refused when cells are HTML, and shown as text when they are plain', async () => {
  const t = await table('front,back\nHi,<img src=x onerror=alert(1)>\n');
  expect(refusal(await build(t, { html: true }))).toEqual([
    'cards.csv: row 2 field "back": contains active content (an event handler attribute (on…=)); dockdeck does not import decks with scripts, event handlers or javascript: links',
  ]);
  const plain = await build(t, { html: false });
  expect(plain.ok && plain.value.drafts[0]!.deck.cards[0]).toMatchObject({
    back: { en: '&lt;img src=x onerror=alert(1)&gt;' },
  });
});

test('empty cells and bad mappings are refused with row, column and role', async () => {
  const t = await table('front,back,tags\none,,a\n,two,b\n');
  expect(refusal(await build(t))).toEqual([
    'cards.csv: row 2 field "back": is empty (column 2)',
    'cards.csv: row 3 field "front": is empty (column 1)',
  ]);
  const mapped = await build(t, { back: 0, tags: 7 });
  expect(refusal(mapped)).toEqual([
    'cards.csv: field "back": uses column 1, which is already the front column',
    'cards.csv: field "tags": is mapped to column 8, but the file has 3 columns',
  ]);
  expect(refusal(mapped, 'zh')).toEqual([
    'cards.csv，“背面”列：用的是第 1 列，但这一列已经是“正面”列',
    'cards.csv，“标签”列：对应第 8 列，但文件只有 3 列',
  ]);
  expect(refusal(await build(await table('front,back\n'), { hasHeader: true }))).toEqual([
    'cards.csv: has no rows to import (only a header row)',
  ]);
});

test('cloze rows: one column is enough, the back column is the optional extra', async () => {
  const t = await table('{{c1::Paris}} is the capital of {{c2::France}}\n{{c1::Berlin}} is in Germany\n', 'geo.txt');
  expect(suggestMapping(t)).toMatchObject({ cardType: 'cloze', front: 0, back: null, deckName: 'geo' });
  const r = await build(t);
  expect(r.ok && r.value.drafts[0]!.deck.cards.map((c) => c.type)).toEqual(['cloze', 'cloze']);
  const broken = await build(await table('no marker here\n'), { cardType: 'cloze' });
  expect(refusal(broken)).toEqual(['cards.csv: row 1 field "front": has no {{c1::…}} cloze deletion']);
});

test('ids are stable: editing the back keeps a card, editing the front (no id column) makes a new one', async () => {
  const ids = async (text: string) => {
    const r = await build(await table(text));
    return r.ok ? r.value.drafts[0]!.deck.cards.map((c) => c.id) : [];
  };
  const before = await ids('front,back\nq1,a1\nq2,a2\n');
  expect(await ids('front,back\nq1,CHANGED\nq2,a2\n')).toEqual(before);
  const edited = await ids('front,back\nq1 edited,a1\nq2,a2\n');
  expect(edited[1]).toBe(before[1]);
  expect(edited[0]).not.toBe(before[0]);
});

test('tags: Anki hierarchies become slugs; tags without Latin letters get a stable id and a warning', async () => {
  const r = await build(await table('front,back,tags\nq,a,Spanish::Verbs 日本語 Chapter_1\n'));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const id = `tag-${hashText('日本語')}`;
  expect(r.value.drafts[0]!.deck.cards[0]!.tags).toEqual(['spanish-verbs', id, 'chapter-1']);
  expect(r.value.warnings).toEqual([{ file: 'cards.csv', code: 'warn.tag-renamed', params: { tag: '日本語', id } }]);
  expect(lines(r.value.warnings)).toEqual([
    `cards.csv: tag "日本語" is imported as "${id}" (tags are lower-case Latin letters, digits and "-")`,
  ]);
});

test('a deck column makes one deck per value, with ids from the names', async () => {
  const r = await build(await table('front,back,deck\nq1,a1,Vocab\nq2,a2,文法\nq3,a3,Vocab\n'));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.value.drafts.map((d) => [d.deck.id, d.deck.title.en, d.deck.cards.length])).toEqual([
    ['vocab', 'Vocab', 2],
    [`deck-${hashText('文法')}`, '文法', 1],
  ]);
});

test('progress is reported while parsing, and a hook that throws stops the parse', async () => {
  const text = `front,back\n${Array.from({ length: 40000 }, (_, i) => `question ${i},answer ${i}`).join('\n')}\n`;
  const seen: number[] = [];
  const r = await parseCsvText('big.csv', text, { onProgress: (done, total) => void seen.push(done / total) });
  expect(r.ok && r.value.rows.length).toBe(40001);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  await expect(
    parseCsvText('big.csv', text, {
      onProgress: () => {
        throw new CancelledError();
      },
    }),
  ).rejects.toBeInstanceOf(CancelledError);
});
