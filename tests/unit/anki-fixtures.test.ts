// The packages Anki itself wrote (../shared/fixtures/anki, from Anki's pylib/tests/support), read in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { EMPTY_SIDE } from '../../src/formats/anki/read-notes';
import { parseDeck } from '../../src/formats/dockdeck/validate';
import { words } from './helpers/issue-lines';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/anki');
const NOW = new Date('2026-03-01T00:00:00Z');
let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

async function read(file: string) {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  return readAnkiPackage(bytes, { fileName: file, includeScheduling: true, sql: SQL, now: NOW });
}

const src = (doc: string, section = 'Default') => ({ doc, section });
const t = (s: string) => ({ en: s, zh: s });
/** The note a card came from, as the package has it (`notes.guid`, `notes.id`, `notes.mid`, `notes.flds`). */
const note = (guid: string, noteId: string, notetype: string, fields: string[], ords?: number[]) => ({
  guid,
  noteId,
  notetype,
  fields,
  ...(ords ? { ords } : {}),
});
// The stock Basic note type as these packages have it (`col.models`).
const CSS =
  '.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n';
const CARD1 = { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' };
const basicType = (id: string, templates = [CARD1], css = CSS, name = 'Basic') => ({
  id,
  name,
  cloze: false,
  fields: ['Front', 'Back'],
  templates,
  css,
  sortField: 0,
});

describe('Anki fixtures', () => {
  it('update1.apkg: one Basic note in Default', async () => {
    const { drafts, warnings } = await read('update1.apkg');
    expect(warnings).toEqual([]);
    expect(drafts).toHaveLength(1);
    const [d] = drafts;
    expect(d!.deck.id).toBe('anki-default');
    expect(d!.deck.title).toEqual(t('Default'));
    expect(d!.deck.cards).toEqual([
      // GUID "cU1%zNUzk1" as the hex of its bytes.
      {
        id: '635531257a4e557a6b31',
        type: 'basic',
        tags: [],
        source: src('update1.apkg'),
        front: t('hello'),
        back: t('world'),
        anki: note('cU1%zNUzk1', '1375933494578', '1375933491726', ['hello', 'world'], [0]),
      },
    ]);
    // The package has five note types; the deck keeps the one its card uses.
    expect(d!.deck.ankiNotetypes).toEqual([basicType('1375933491726')]);
    expect(d!.media).toEqual([]);
    expect(d!.history).toEqual([]);
  });

  it('update1 then update2: the updated note keeps its GUID, so the card keeps its id and gets the new text', async () => {
    const [one] = (await read('update1.apkg')).drafts;
    const [two] = (await read('update2.apkg')).drafts;
    expect(two!.deck.id).toBe(one!.deck.id);
    expect(two!.deck.cards.map((c) => c.id)).toEqual(one!.deck.cards.map((c) => c.id));
    expect(two!.deck.cards).toEqual([
      {
        id: '635531257a4e557a6b31',
        type: 'basic',
        tags: [],
        source: src('update2.apkg'),
        front: t('goodbye'),
        back: t('world'),
        anki: note('cU1%zNUzk1', '1375933494578', '1375933491726', ['goodbye', 'world'], [0]),
      },
    ]);
  });

  it('diffmodels2-1 / -2: the note type gains a second (customised) template; the first card keeps its id', async () => {
    const [one] = (await read('diffmodels2-1.apkg')).drafts;
    const [two] = (await read('diffmodels2-2.apkg')).drafts;
    expect(one!.deck.cards).toEqual([
      // GUID "MGCsE3z^Er".
      {
        id: '4d47437345337a5e4572',
        type: 'basic',
        tags: [],
        source: src('diffmodels2-1.apkg'),
        front: t('front'),
        back: t('back'),
        anki: note('MGCsE3z^Er', '1351338969920', '1351338947208', ['front', 'back'], [0]),
      },
    ]);
    expect(one!.deck.ankiNotetypes).toEqual([basicType('1351338947208')]);
    // Card 2's answer is not plain {{Front}} ("Edit to customize"), so it is not a reverse pair: one basic card
    // per Anki card, each rendered from its own template.
    expect(two!.deck.cards).toEqual([
      {
        id: '4d47437345337a5e4572',
        type: 'basic',
        tags: [],
        source: src('diffmodels2-2.apkg'),
        front: t('front'),
        back: t('back'),
        anki: note('MGCsE3z^Er', '1351338969920', '1351338947208', ['front', 'back'], [0]),
      },
      {
        id: '4d47437345337a5e4572-card2',
        type: 'basic',
        tags: [],
        source: src('diffmodels2-2.apkg'),
        front: t('back'),
        back: t('Edit to customize<br>\nfront'),
        // The same note, its second card (template ord 1).
        anki: note('MGCsE3z^Er', '1351338969920', '1351338947208', ['front', 'back'], [1]),
      },
    ]);
    expect(two!.deck.ankiNotetypes).toEqual([
      basicType('1351338947208', [
        CARD1,
        {
          name: 'Card 2',
          ord: 1,
          qfmt: '{{Back}}',
          afmt: '{{FrontSide}}\n\n<hr id=answer>\n\nEdit to customize<br>\n{{Front}}',
        },
      ]),
    ]);
  });

  it('diffmodeltemplates-1 / -2: a changed question template changes the card text, not its id', async () => {
    const one = await read('diffmodeltemplates-1.apkg');
    const two = await read('diffmodeltemplates-2.apkg');
    expect(one.drafts.map((d) => d.deck.id)).toEqual(['anki-testdeck']);
    expect(one.drafts[0]!.deck.cards).toEqual([
      // GUID "CjMTh;(#|6"; the note type "testt" is a one-template type, so a basic card.
      {
        id: '436a4d54683b28237c36',
        type: 'basic',
        tags: [],
        source: src('diffmodeltemplates-1.apkg', 'testdeck'),
        front: t('question?'),
        back: t('answer!'),
        anki: note('CjMTh;(#|6', '1403973882584', '1403973847422', ['question?', 'answer!'], [0]),
      },
    ]);
    expect(two.drafts[0]!.deck.cards).toEqual([
      {
        id: '436a4d54683b28237c36',
        type: 'basic',
        tags: [],
        source: src('diffmodeltemplates-2.apkg', 'testdeck'),
        front: t('Changed Front Template\nquestion?'),
        back: t('answer!'),
        // The raw fields are unchanged: only the template is.
        anki: note('CjMTh;(#|6', '1403973882584', '1403973847422', ['question?', 'answer!'], [0]),
      },
    ]);
    // The note type "testt" (its CSS has no final newline), with the changed template in the second package.
    const testt = (qfmt: string) => basicType('1403973847422', [{ ...CARD1, qfmt }], CSS.trimEnd(), 'testt');
    expect(one.drafts[0]!.deck.ankiNotetypes).toEqual([testt('{{Front}}')]);
    expect(two.drafts[0]!.deck.ankiNotetypes).toEqual([testt('Changed Front Template\n{{Front}}')]);
    // The package holds two add-on data files (_ViewSizeAdjustAddon.dat, _IncrementalReadingExtension.dat) that no
    // card shows: they are not imported.
    for (const r of [one, two]) {
      expect(r.drafts[0]!.media).toEqual([]);
      expect(words(r.warnings)).toEqual(['2 media files not used by any card were left out']);
    }
  });

  it('media.apkg: [sound:foo.wav] keeps its name and the deck gets the file, bytes and type', async () => {
    const { drafts, warnings } = await read('media.apkg');
    expect(warnings).toEqual([]);
    expect(drafts[0]!.deck.cards).toEqual([
      // GUID "L;*}1M{l6|"; the back is empty in Anki.
      {
        id: '4c3b2a7d314d7b6c367c',
        type: 'basic',
        tags: [],
        source: src('media.apkg'),
        front: t('[sound:foo.wav]'),
        back: t(EMPTY_SIDE),
        // The raw Back field stays empty.
        anki: note('L;*}1M{l6|', '1348208769429', '1348208768231', ['[sound:foo.wav]', ''], [0]),
      },
    ]);
    expect(drafts[0]!.media).toEqual([{ name: 'foo.wav', type: 'audio/wav', data: new TextEncoder().encode('abc\n') }]);
  });

  it('anki2-alpha.anki2: a bare collection (from an Anki 2.0 alpha) is read like a package without media', async () => {
    const { drafts, warnings } = await read('anki2-alpha.anki2');
    expect(warnings).toEqual([]);
    expect(drafts.map((d) => d.deck.id)).toEqual(['anki-default']);
    expect(drafts[0]!.deck.cards).toEqual([
      // GUID "I{@40:/o>Y"; its template says {{Front}} instead of {{FrontSide}}: the answer still starts after the hr.
      {
        id: '497b4034303a2f6f3e59',
        type: 'basic',
        tags: [],
        source: src('anki2-alpha.anki2'),
        front: t('hello'),
        back: t(EMPTY_SIDE),
        anki: note('I{@40:/o>Y', '1331523427546', '1331523425753', ['hello', ''], [0]),
      },
    ]);
    // This alpha keeps CSS on each template, not on the note type: the note type comes with none.
    expect(drafts[0]!.deck.ankiNotetypes).toEqual([
      basicType(
        '1331523425753',
        [{ name: 'Forward', ord: 0, qfmt: '{{Front}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{Back}}' }],
        '',
      ),
    ]);
  });

  it('every draft is a valid dockdeck deck', async () => {
    for (const f of [
      'update1.apkg',
      'update2.apkg',
      'diffmodels2-1.apkg',
      'diffmodels2-2.apkg',
      'diffmodeltemplates-1.apkg',
      'diffmodeltemplates-2.apkg',
      'media.apkg',
      'anki2-alpha.anki2',
    ]) {
      for (const d of (await read(f)).drafts) expect(parseDeck(f, d.deck)).toMatchObject({ ok: true });
    }
  });
});
