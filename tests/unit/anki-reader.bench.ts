// How long the Anki reader takes on a 20 000-note package (not part of `vitest run`): `npx vitest bench tests/unit/anki-reader.bench.ts`.
import initSqlJs from 'sql.js';
import { bench, describe } from 'vitest';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import {
  STOCK,
  buildApkg,
  buildLegacyApkg,
  type BuildCollection,
  type BuildNote,
  type BuildRevlog,
} from './helpers/anki-build';

const SQL = await initSqlJs();

/** 20 000 notes (basic, reversed, cloze) in four sub-decks: 33 334 cards, 3 reviews each, 300 media files. */
function bigCollection(): BuildCollection {
  const notes: BuildNote[] = [];
  const revlog: BuildRevlog[] = [];
  let cid = 1;
  for (let i = 0; i < 20_000; i++) {
    const kind = i % 3;
    const fields =
      kind === 2
        ? [`Sentence ${i} with {{c1::answer ${i}}} and {{c2::more::hint}} <img src="img${i % 200}.png">`, `extra ${i}`]
        : [
            `Question ${i} <b>bold</b> [sound:snd${i % 100}.mp3]`,
            `Answer ${i}<br>with some <i>html</i> and text that is a bit longer to look real.`,
          ];
    const cards = (kind === 0 ? [0] : [0, 1]).map((ord) => ({ id: cid++, ord, deck: 10 + (i % 4) }));
    notes.push({
      id: i + 1,
      guid: `g${i.toString(36)}x${i}`,
      mid: kind + 1,
      fields,
      tags: [`tag${i % 10}`, 'Deck::Sub'],
      cards,
    });
    for (const c of cards) {
      for (let r = 0; r < 3; r++)
        revlog.push({
          id: 1_600_000_000_000 + c.id * 1000 + r,
          cid: c.id,
          ease: 1 + ((c.id + r) % 4),
          time: 3000 + r,
          type: r === 0 ? 0 : 1,
        });
    }
  }
  return {
    notetypes: [STOCK.basic(1), STOCK.reversed(2), STOCK.cloze(3)],
    decks: [{ id: 1, name: 'Default' }, ...['A', 'B', 'C', 'D'].map((n, i) => ({ id: 10 + i, name: `Big::${n}` }))],
    notes,
    revlog,
  };
}

const col = bigCollection();
const media = [
  ...Array.from({ length: 200 }, (_, i) => ({ name: `img${i}.png`, data: new Uint8Array(20_000).fill(i) })),
  ...Array.from({ length: 100 }, (_, i) => ({ name: `snd${i}.mp3`, data: new Uint8Array(40_000).fill(i) })),
];
const current = await buildApkg(SQL, col, media);
const legacy = buildLegacyApkg(SQL, col, media, 'collection.anki21');
const opts = { fileName: 'big.apkg', includeScheduling: true, sql: SQL, now: new Date('2026-03-01T00:00:00Z') };

describe('readAnkiPackage, 20 000 notes with review history and media', () => {
  bench(
    'collection.anki21b (zstd)',
    async () => {
      await readAnkiPackage(current, opts);
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'collection.anki21 (legacy, deflate)',
    async () => {
      await readAnkiPackage(legacy, opts);
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
