// Notes the reader cannot turn into cards as they are: what it leaves out, what it changes, and what it says.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { EMPTY_SIDE } from '../../src/formats/anki/read-notes';
import { hashHex } from '../../src/formats/anki/ids';
import { STOCK, buildApkg, buildLegacyApkg, type BuildCollection, type BuildNote } from './helpers/anki-build';
import { words } from './helpers/issue-lines';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = new Date('2026-03-01T00:00:00Z');
const hex = (guid: string) => Buffer.from(guid).toString('hex');
const note = (id: number, mid: number, fields: string[], cards: number[] = [0], deck = 1): BuildNote => ({
  id,
  guid: `n${id}`,
  mid,
  fields,
  cards: cards.map((ord) => ({ id: id * 10 + ord, ord, deck })),
});

async function read(col: BuildCollection, media: { name: string; data: Uint8Array }[] = []) {
  return readAnkiPackage(buildLegacyApkg(SQL, col, media), {
    fileName: 'edge.apkg',
    includeScheduling: true,
    sql: SQL,
    now: NOW,
  });
}

describe('readAnkiPackage: edge cases', () => {
  it('leaves out what dockdeck cannot show, and says how many', async () => {
    const { drafts, warnings } = await read({
      notetypes: [STOCK.basic(1), STOCK.cloze(2), STOCK.reversed(3)],
      decks: [{ id: 1, name: 'Default' }],
      notes: [
        note(1, 1, ['<div><br></div>', 'back']),
        note(2, 2, ['no deletions here', '']),
        note(3, 2, ['{{c1::outer {{c2::inner}} text}}', '']),
        note(4, 1, ['front', 'back'], [0, 3]),
        { id: 5, guid: 'n5', mid: 1, fields: ['lonely', 'note'], cards: [] },
        note(6, 2, ['{{c1::ok}}', ''], [0]),
        // Card 2 of a reversed note whose back is empty: Anki would not make it; only the forward card is kept.
        note(7, 3, ['front only', ''], [0, 1]),
        note(8, 2, ['{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4}}', ''], [0]),
      ],
    });
    expect(drafts[0]!.deck.cards.map((c) => [c.id, c.type])).toEqual([
      [hex('n4'), 'basic'],
      [hex('n6'), 'cloze'],
      [hex('n7'), 'basic'],
    ]);
    expect(drafts[0]!.deck.cards[2]).toMatchObject({ back: { en: EMPTY_SIDE } });
    // The cards kept keep their notes, raw fields as they are, with the ordinals of the Anki cards they stand for:
    // n4's card of a template the note type lacks (ord 3) and n7's empty reverse card are not among them.
    expect(drafts[0]!.deck.cards.map((c) => c.anki)).toEqual([
      { guid: 'n4', noteId: '4', notetype: '1', fields: ['front', 'back'], ords: [0] },
      { guid: 'n6', noteId: '6', notetype: '2', fields: ['{{c1::ok}}', ''] },
      { guid: 'n7', noteId: '7', notetype: '3', fields: ['front only', ''], ords: [0] },
    ]);
    expect(drafts[0]!.deck.ankiNotetypes?.map((nt) => [nt.id, nt.name])).toEqual([
      ['1', 'Basic'],
      ['2', 'Cloze'],
      ['3', 'Basic (and reversed card)'],
    ]);
    expect(words(warnings)).toEqual([
      '2 cards have an empty question and were left out',
      '1 cloze note has no {{c1::…}} deletion and was left out',
      '1 cloze note has nested or unclosed deletions, which dockdeck cannot show, and was left out',
      '1 image occlusion note was left out (dockdeck cannot show them)',
      '1 card belongs to a card template the note type no longer has and was left out',
      '1 note has no cards and was left out',
    ]);
  });

  it('names template fields the note type lacks, and cards in decks the package does not describe', async () => {
    const custom = {
      id: 9,
      name: 'Custom',
      fields: ['A'],
      templates: [{ name: 'T', qfmt: '{{A}} {{Missing}}', afmt: '{{B}}' }],
    };
    const { drafts, warnings } = await read({
      notetypes: [custom],
      decks: [{ id: 1, name: 'Default' }],
      notes: [note(1, 9, ['a']), note(2, 9, ['b'], [0], 77)],
    });
    expect(drafts.map((d) => [d.deck.id, d.deck.cards.length])).toEqual([['anki-default', 2]]);
    expect(drafts[0]!.deck.cards[0]).toMatchObject({ front: { en: 'a' }, back: { en: EMPTY_SIDE } });
    // The card of the undescribed deck keeps its note too; the note type keeps its templates as they are.
    expect(drafts[0]!.deck.cards.map((c) => c.anki)).toEqual([
      { guid: 'n1', noteId: '1', notetype: '9', fields: ['a'], ords: [0] },
      { guid: 'n2', noteId: '2', notetype: '9', fields: ['b'], ords: [0] },
    ]);
    expect(drafts[0]!.deck.ankiNotetypes).toEqual([
      {
        id: '9',
        name: 'Custom',
        cloze: false,
        fields: ['A'],
        templates: [{ name: 'T', ord: 0, qfmt: '{{A}} {{Missing}}', afmt: '{{B}}' }],
        css: '',
        sortField: 0,
      },
    ]);
    expect(words(warnings)).toEqual([
      '1 card is in a deck the package does not describe; it was put in "Default"',
      'note type "Custom" shows fields it does not have (Missing, B); they were left empty',
    ]);
  });

  it('tells apart decks whose names slug alike, in name order', async () => {
    const { drafts } = await read({
      notetypes: [STOCK.basic(1)],
      decks: [
        { id: 1, name: 'a b' },
        { id: 2, name: 'a-b' },
      ],
      notes: [note(1, 1, ['x', 'y'], [0], 1), note(2, 1, ['x', 'y'], [0], 2)],
    });
    expect(drafts.map((d) => [d.deck.title.en, d.deck.id])).toEqual([
      ['a b', 'anki-a-b'],
      ['a-b', `anki-a-b-${hashHex('a-b').slice(0, 8)}`],
    ]);
  });

  it('matches media by the names the HTML uses (percent-encoded, NFC) and reports listed files that are missing', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const bytes = await buildApkg(
      SQL,
      {
        notetypes: [STOCK.basic(1)],
        decks: [{ id: 1, name: 'Default' }],
        notes: [note(1, 1, ['<img src="caf%C3%A9%20menu.png">', '<img src="gone.png">'])],
      },
      [
        { name: 'cafe\u0301 menu.png', data: png },
        { name: 'gone.png', data: png },
      ],
    );
    // Drop the zip entry of the second file ("1"): listed in the media list, missing from the zip.
    const { unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(bytes);
    delete files['1'];
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
    const { drafts, warnings } = await readAnkiPackage(zip, {
      fileName: 'edge.apkg',
      includeScheduling: false,
      sql: SQL,
      now: NOW,
    });
    expect(drafts[0]!.media).toEqual([{ name: 'café menu.png', type: 'image/png', data: png }]);
    expect(words(warnings)).toEqual(['1 media file is listed but missing from the package: gone.png']);
  });

  it('gives each media file its own buffer, not a view into the package (stored zip entries)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const col: BuildCollection = {
      notetypes: [STOCK.basic(1)],
      decks: [{ id: 1, name: 'Default' }],
      notes: [note(1, 1, ['<img src="a.png">', 'b'])],
    };
    const { unzipSync, zipSync } = await import('fflate');
    const stored = zipSync(
      Object.fromEntries(
        Object.entries(unzipSync(buildLegacyApkg(SQL, col, [{ name: 'a.png', data: png }]))).map(([k, v]) => [
          k,
          [v, { level: 0 }],
        ]),
      ),
    );
    for (const bytes of [stored, await buildApkg(SQL, col, [{ name: 'a.png', data: png }])]) {
      const { drafts } = await readAnkiPackage(bytes, {
        fileName: 'edge.apkg',
        includeScheduling: false,
        sql: SQL,
        now: NOW,
      });
      const [media] = drafts[0]!.media;
      expect(media!.data).toEqual(png);
      expect(media!.data.buffer.byteLength).toBe(png.length);
    }
  });
});
