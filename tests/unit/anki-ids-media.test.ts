// Stable dockdeck ids for Anki decks, notes and tags; media names, types and references.
import fc from 'fast-check';
import { PartError } from '../../src/domain/errors';
import { idSchema } from '../../src/domain/deck-schema';
import { deckIdFromName, hashHex, noteIdFromGuid, tagId, tagIds } from '../../src/formats/anki/ids';
import { isSafeMediaName, mimeType, parseLegacyMediaList, parseMediaEntries } from '../../src/formats/anki/media';
import { pbBytes, pbConcat } from './helpers/anki-build';

describe('ids', () => {
  it('note ids are the hex of the GUID bytes: distinct for GUIDs that differ only in case', () => {
    expect(noteIdFromGuid('MGCsE3z^Er')).toBe('4d47437345337a5e4572');
    expect(noteIdFromGuid('abc')).not.toBe(noteIdFromGuid('ABC'));
    expect(noteIdFromGuid('x'.repeat(30))).toBe('78'.repeat(30));
    // Longer GUIDs (UUIDs from other tools) are hashed: `g` + 16 hex digits.
    expect(noteIdFromGuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toMatch(/^g[0-9a-f]{16}$/);
  });

  it('deck ids are a slug of the full name; names with letters a slug cannot keep also get a hash', () => {
    expect(deckIdFromName('Default')).toBe('anki-default');
    expect(deckIdFromName('Languages::Spanish Verbs')).toBe('anki-languages--spanish-verbs');
    expect(deckIdFromName('Français')).toBe('anki-francais');
    expect(deckIdFromName('日本語')).toBe(`anki-${hashHex('日本語').slice(0, 8)}`);
    expect(deckIdFromName('JLPT::日本語 N5')).toBe(`anki-jlpt--n5-${hashHex('JLPT::日本語 N5').slice(0, 8)}`);
    expect(deckIdFromName('中文')).not.toBe(deckIdFromName('日本語'));
    const long = 'A very long deck name '.repeat(8);
    expect(deckIdFromName(long).length).toBeLessThanOrEqual(80);
    expect(deckIdFromName(long)).toMatch(new RegExp(`-${hashHex(long).slice(0, 8)}$`));
  });

  it('tags become tag ids, in order, without repeats', () => {
    expect(tagIds(' Verb::Irregular  leech verb::irregular 日本語 ')).toEqual([
      'verb--irregular',
      'leech',
      `tag-${hashHex('日本語').slice(0, 8)}`,
    ]);
    expect(tagId('C++')).toBe('c');
    expect(tagIds('')).toEqual([]);
  });

  it('every id is a valid dockdeck id, whatever the input, and the same every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        for (const id of [noteIdFromGuid(s), deckIdFromName(s), tagId(s)])
          expect(idSchema.safeParse(id).success || s === '').toBe(true);
        expect(deckIdFromName(s)).toBe(deckIdFromName(s));
      }),
    );
  });
});

describe('media', () => {
  it('reads the legacy JSON list and the current protobuf list (file i is zip entry "i")', () => {
    expect(parseLegacyMediaList(new TextEncoder().encode('{"0": "a.png", "3": "b c.mp3"}'))).toEqual([
      { zipName: '0', name: 'a.png' },
      { zipName: '3', name: 'b c.mp3' },
    ]);
    const list = pbConcat(pbBytes(1, pbBytes(1, 'x.jpg')), pbBytes(1, pbBytes(1, 'y.ogg')));
    expect(parseMediaEntries(list)).toEqual([
      { zipName: '0', name: 'x.jpg' },
      { zipName: '1', name: 'y.ogg' },
    ]);
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        if (e instanceof PartError) return e.issue;
        throw e;
      }
      throw new Error('was read without complaint');
    };
    expect(refused(() => parseLegacyMediaList(new TextEncoder().encode('[1]')))).toEqual({
      code: 'anki.media-list-shape',
    });
    expect(refused(() => parseMediaEntries(new Uint8Array([0x0a, 9])))).toEqual({
      code: 'anki.media-list-damaged',
      params: { detail: 'field 1 runs past the end of the message' },
    });
  });

  it('refuses names that are not one plain file name', () => {
    expect(['a.png', 'ü é.mp3', 'x:y.jpg'].map(isSafeMediaName)).toEqual([true, true, true]);
    expect(
      ['', '.', '..', '../a.png', 'a/b.png', 'a\\b.png', 'a\u0000.png', `${'x'.repeat(252)}.png`].map(isSafeMediaName),
    ).toEqual(Array(8).fill(false));
  });

  it('gives MIME types from the extension, or from the bytes when there is none', () => {
    expect(mimeType('a.JPG', new Uint8Array())).toBe('image/jpeg');
    expect(mimeType('b.mp3', new Uint8Array())).toBe('audio/mpeg');
    expect(mimeType('c.webm', new Uint8Array())).toBe('video/webm');
    expect(mimeType('noext', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
    expect(mimeType('_addon.dat', new Uint8Array([1, 2]))).toBe('application/octet-stream');
  });
});
