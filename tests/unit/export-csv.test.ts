// Deck → Anki "Notes in Plain Text": header lines, one quoted-where-needed row per note, and readable sides.
import type { Deck } from '../../src/domain/deck-schema';
import { deckNotes } from '../../src/formats/anki/write-notes';
import { CSV_NOTETYPES, csvField, deckCsvRows, deckToCsv } from '../../src/formats/csv/write-notes-text';
import { deckEmbed, EMBED_FORMAT } from '../../src/formats/dockdeck/embed';
import { ALL_KINDS } from './export-fixtures';

/** Splits the file as Anki's reader would: `#` header lines, then tab-separated records with "" quoting. */
function readTsv(text: string): { header: string[]; rows: string[][] } {
  const header: string[] = [];
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (atLineStart && ch === '#') {
      const end = text.indexOf('\n', i);
      header.push(text.slice(i, end));
      i = end;
      continue;
    }
    atLineStart = false;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === '\t') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atLineStart = true;
    } else field += ch;
  }
  return { header, rows };
}

test('the header names separator, html and the guid, notetype, deck and tags columns, then the dockdeck embed', () => {
  const { header } = readTsv(deckToCsv(ALL_KINDS, { lang: 'en' }));
  expect(header.slice(0, 6)).toEqual([
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:4',
  ]);
  // A comment line to Anki; to dockdeck the deck and the card of each note, for an exact re-import.
  expect(header).toHaveLength(7);
  expect(header[6]!.startsWith('#dockdeck:{')).toBe(true);
  const embed = JSON.parse(header[6]!.slice('#dockdeck:'.length)) as unknown;
  expect(embed).toEqual(deckEmbed(ALL_KINDS, deckNotes(ALL_KINDS, 'en'), 'en'));
  expect(embed).toMatchObject({
    format: EMBED_FORMAT,
    lang: 'en',
    deck: { id: 'all-kinds', title: ALL_KINDS.title, tables: ALL_KINDS.tables },
    cards: { 'dd:all-kinds/b': 'b', 'dd:all-kinds/k:fast': 'k', 'dd:all-kinds/k:kernel': 'k', 'dd:all-kinds/ty': 'ty' },
    list: ALL_KINDS.cards,
  });
});

test('one row per note: per deck card (per item of a classify card) and per table row, with the stock note type for each kind', () => {
  const { rows } = readTsv(deckToCsv(ALL_KINDS, { lang: 'en' }));
  // guid, notetype, deck, tags, then the note type's fields: two, or four for "dockdeck choice".
  expect(rows.map((r) => r.length)).toEqual([6, 6, 6, 8, 8, 8, 6, 6]);
  expect(rows.map((r) => r[1])).toEqual([
    CSV_NOTETYPES.basic,
    CSV_NOTETYPES.reverse,
    CSV_NOTETYPES.cloze,
    CSV_NOTETYPES.choice, // mcq
    CSV_NOTETYPES.choice, // classify, first item
    CSV_NOTETYPES.choice, // classify, second item
    CSV_NOTETYPES.typeIn,
    CSV_NOTETYPES.basic, // table row
  ]);
  expect(CSV_NOTETYPES.choice).toBe('dockdeck choice');
  expect(rows.every((r) => r[2] === 'All kinds')).toBe(true);
  expect(rows.map((r) => r[0])).toEqual(
    ['b', 'r', 'c', 'm', 'k:fast', 'k:kernel', 'ty', 'table:tbl/start'].map((id) => `dd:all-kinds/${id}`),
  );
  expect(rows.map((r) => r[3])).toEqual(['x', '', '', '', 'sort', 'sort', '', '']);
  const [basic, reverse, cloze, mcq, fast, kernel, typeIn, table] = rows as string[][];
  expect(basic!.slice(4)).toEqual(['Front', 'Back<br><br><div class="dockdeck-note">Outdated</div>']);
  expect(reverse!.slice(4)).toEqual(['KVM', 'A hypervisor']);
  expect(cloze!.slice(4)).toEqual(['{{c2::Go}} and {{c1::cgroups::limits}}', 'Extra']);
  // Question, Choices, Answer, Explanation.
  expect(mcq!.slice(4)).toEqual([
    'Which?',
    '<ol type="A"><li>One</li><li>Two</li><li>Three</li></ol>',
    'B. Two',
    'Because',
  ]);
  const categories = '<ol type="A"><li>Container</li><li>VM</li></ol>';
  expect(fast!.slice(4)).toEqual(['Container or VM?<br><br><b>Starts fast</b>', categories, 'Container', '']);
  expect(kernel!.slice(4)).toEqual(['Container or VM?<br><br><b>Own kernel</b>', categories, 'VM', '']);
  expect(typeIn!.slice(4)).toEqual(['Language of Docker?', 'Go']);
  expect(table!.slice(4)).toEqual([
    'Containers vs VMs: Startup',
    '<table><tr><th>Container</th><td>Seconds</td></tr><tr><th>VM</th><td>Minutes</td></tr></table>',
  ]);
});

test('a card that came with a GUID keeps it; notes read from Anki go back with their GUID, note type name and raw fields', () => {
  const source = { doc: 'spanish.apkg', section: 'Spanish' };
  const deck: Deck = {
    ...ALL_KINDS,
    tables: [],
    ankiNotetypes: [
      {
        id: '1600000000003',
        name: 'Vocabulary',
        cloze: false,
        fields: ['Word', 'Meaning'],
        templates: [
          { name: 'Recognise', ord: 0, qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}' },
          { name: 'Recall', ord: 1, qfmt: '{{Meaning}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
        ],
        css: '',
        sortField: 0,
      },
    ],
    cards: [
      // The two cards of one Anki note: one row again.
      {
        id: 'v',
        type: 'basic',
        front: { en: 'casa', zh: 'casa' },
        back: { en: 'house', zh: 'house' },
        tags: ['noun'],
        source,
        anki: {
          guid: 'v0cab',
          noteId: '1600000000203',
          notetype: '1600000000003',
          fields: ['casa', 'house'],
          ords: [0],
        },
      },
      {
        id: 'v-card2',
        type: 'basic',
        front: { en: 'house', zh: 'house' },
        back: { en: 'casa', zh: 'casa' },
        tags: ['noun'],
        source,
        anki: {
          guid: 'v0cab',
          noteId: '1600000000203',
          notetype: '1600000000003',
          fields: ['casa', 'house'],
          ords: [1],
        },
      },
      // A dockdeck card with a GUID of its own (no note type of Anki's): a stock note, under that GUID.
      {
        id: 'own',
        type: 'basic',
        front: { en: 'Q', zh: 'Q' },
        back: { en: 'A', zh: 'A' },
        tags: [],
        source,
        anki: { guid: 'kept#1' },
      },
    ],
  };
  const { header, rows } = readTsv(deckToCsv(deck, { lang: 'en' }));
  expect(rows).toEqual([
    ['v0cab', 'Vocabulary', 'All kinds', 'noun', 'casa', 'house'],
    ['kept#1', 'Basic', 'All kinds', '', 'Q', 'A'],
  ]);
  // The embed keeps what the text cannot say: the note id and the card ordinals of the note read from Anki.
  const embed = JSON.parse(header[6]!.slice('#dockdeck:'.length)) as { cards: unknown; anki: unknown };
  expect(embed.cards).toEqual({ 'kept#1': 'own' });
  expect(embed.anki).toEqual({ v0cab: { noteId: '1600000000203', ords: [0, 1] } });
});

test('both languages: English then Chinese, each in its own lang block; the same text appears once', () => {
  const rows = deckCsvRows(ALL_KINDS, { lang: 'both' });
  expect(rows[0]!.fields[0]).toBe('<div lang="en">Front</div><div lang="zh">Front（中）</div>');
  const zh = deckCsvRows(ALL_KINDS, { lang: 'zh', deckName: '全部' });
  expect(zh[0]!.fields[0]).toBe('Front（中）');
  expect(zh[0]!.deck).toBe('全部');
  const { note: _note, ...plain } = ALL_KINDS.cards[0]!;
  const same = deckCsvRows(
    { ...ALL_KINDS, cards: [{ ...plain, type: 'basic', front: { en: 'Hi', zh: 'Hi' }, back: { en: 'A', zh: 'A' } }] },
    { lang: 'both' },
  );
  expect(same[0]!.fields[0]).toBe('Hi');
});

test('Markdown becomes HTML; tabs, quotes, line breaks and a leading # are quoted the way the reader expects', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a\tb')).toBe('"a\tb"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('#not a comment')).toBe('"#not a comment"');
  const deck = {
    ...ALL_KINDS,
    tables: [],
    cards: [
      {
        id: 'md',
        type: 'basic' as const,
        front: { en: 'Use `docker run`\tnow', zh: '用' },
        back: { en: '- one\n- two "quoted"', zh: '二' },
        tags: [],
        source: ALL_KINDS.cards[0]!.source,
      },
    ],
  };
  const { rows } = readTsv(deckToCsv(deck, { lang: 'en' }));
  expect(rows[0]![4]).toBe('Use <code>docker run</code>\tnow');
  expect(rows[0]![5]).toBe('<ul>\n<li>one</li>\n<li>two &quot;quoted&quot;</li>\n</ul>');
});
