// The packages Anki itself wrote (../shared/fixtures/anki, from Anki's pylib/tests/support), read in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '../../src/domain/import/anki-package';
import { EMPTY_SIDE } from '../../src/domain/import/anki-notes';
import { parseDeck } from '../../src/domain/deck-validate';

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
      },
    ]);
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
      },
    ]);
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
      },
      {
        id: '4d47437345337a5e4572-card2',
        type: 'basic',
        tags: [],
        source: src('diffmodels2-2.apkg'),
        front: t('back'),
        back: t('Edit to customize<br>\nfront'),
      },
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
      },
    ]);
    // The package holds two add-on data files (_ViewSizeAdjustAddon.dat, _IncrementalReadingExtension.dat) that no
    // card shows: they are not imported.
    for (const r of [one, two]) {
      expect(r.drafts[0]!.media).toEqual([]);
      expect(r.warnings).toEqual(['2 media files not used by any card were left out']);
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
      },
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
