// Deck → Anki "Notes in Plain Text": header lines, one quoted-where-needed row per deck card, and readable sides.
import { ankiGuid } from '../../src/domain/export/anki-ids';
import { CSV_NOTETYPES, csvField, deckCsvRows, deckToCsv } from '../../src/domain/export/deck-csv';
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

test('the header names separator, html and the guid, notetype, deck and tags columns', () => {
  const { header } = readTsv(deckToCsv(ALL_KINDS, { lang: 'en' }));
  expect(header).toEqual([
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
  ]);
});

test('one row per deck card and per table row, with the stock note type for each kind', () => {
  const { rows } = readTsv(deckToCsv(ALL_KINDS, { lang: 'en' }));
  expect(rows.map((r) => r.length)).toEqual(Array(7).fill(6));
  expect(rows.map((r) => r[1])).toEqual([
    CSV_NOTETYPES.basic,
    CSV_NOTETYPES.reverse,
    CSV_NOTETYPES.cloze,
    CSV_NOTETYPES.basic, // mcq
    CSV_NOTETYPES.basic, // classify
    CSV_NOTETYPES.typeIn,
    CSV_NOTETYPES.basic, // table row
  ]);
  expect(rows.every((r) => r[2] === 'All kinds')).toBe(true);
  expect(rows.map((r) => r[0])).toEqual(
    ['b', 'r', 'c', 'm', 'k', 'ty', 'table:tbl/start'].map((id) => ankiGuid(`all-kinds/${id}`)),
  );
  const [basic, reverse, cloze, mcq, classify, typeIn, table] = rows as string[][];
  expect(basic!.slice(3)).toEqual(['Front', 'Back<br><br><div class="dockdeck-note">Outdated</div>', 'x']);
  expect(reverse!.slice(3, 5)).toEqual(['KVM', 'A hypervisor']);
  expect(cloze!.slice(3, 5)).toEqual(['{{c2::Go}} and {{c1::cgroups::limits}}', 'Extra']);
  expect(mcq![3]).toBe('Which?<ol type="A"><li>One</li><li>Two</li><li>Three</li></ol>');
  expect(mcq![4]).toBe('B. Two<br><br>Because');
  expect(classify![3]).toContain('Container / VM');
  expect(classify![4]).toBe('<ol><li>Starts fast: Container</li><li>Own kernel: VM</li></ol>');
  expect(classify![5]).toBe('sort');
  expect(typeIn!.slice(3, 5)).toEqual(['Language of Docker?', 'Go']);
  expect(table![3]).toBe('Containers vs VMs: Startup');
  expect(table![4]).toBe(
    '<table><tr><th>Container</th><td>Seconds</td></tr><tr><th>VM</th><td>Minutes</td></tr></table>',
  );
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
  expect(rows[0]![3]).toBe('Use <code>docker run</code>\tnow');
  expect(rows[0]![4]).toBe('<ul>\n<li>one</li>\n<li>two &quot;quoted&quot;</li>\n</ul>');
});
