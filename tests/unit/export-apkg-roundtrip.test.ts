// Our .apkg read back by our own Anki reader: the note types, cloze numbers, media and history survive the trip.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { DockdeckDB } from '../../src/db/database';
import { upsertDeck } from '../../src/db/deck-repo';
import { exportDecksApkg } from '../../src/db/export-repo';
import { answerCard } from '../../src/db/review-repo';
import type { Deck } from '../../src/domain/deck-schema';
import { readAnkiPackage } from '../../src/domain/import/anki-package';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { expandDeck } from '../../src/domain/study-card';
import { ALL_KINDS } from './export-fixtures';

const T0 = Date.UTC(2026, 2, 2, 10);
let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

test('export → readAnkiPackage: card types, texts, media and review history come back', async () => {
  const db = new DockdeckDB(`apkg-rt-${Math.random().toString(36).slice(2)}`);
  const deck: Deck = {
    ...ALL_KINDS,
    cards: ALL_KINDS.cards.map((c) =>
      c.id === 'b' && c.type === 'basic'
        ? { ...c, back: { en: 'Back <img src="pic.png">', zh: '背面 <img src="pic.png">' } }
        : c,
    ),
  };
  await upsertDeck(db, deck, expandDeck(deck), { hash: 'h', builtin: false, now: T0 });
  await db.media.add({
    deckId: deck.id,
    name: 'pic.png',
    type: 'image/png',
    data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
    size: 4,
  });
  const settings = DEFAULT_SCHEDULER_SETTINGS;
  await answerCard(db, 'all-kinds/b', 'good', new Date(T0 + 1000), { durationMs: 3000, settings });
  await answerCard(db, 'all-kinds/c:c1', 'again', new Date(T0 + 2000), { durationMs: 5000, settings });

  const out = await exportDecksApkg(db, [deck.id], SQL, { lang: 'en', scheduling: true, now: T0 + 10_000 });
  const { drafts } = await readAnkiPackage(out.bytes, {
    fileName: 'all-kinds.apkg',
    includeScheduling: true,
    sql: SQL,
    now: new Date(T0 + 10_000),
  });
  expect(drafts).toHaveLength(1);
  const draft = drafts[0]!;
  expect(draft.deck.title.en).toBe('All kinds');
  const types = draft.deck.cards.map((c) => c.type);
  expect(types.filter((t) => t === 'reverse')).toHaveLength(1);
  expect(types.filter((t) => t === 'cloze')).toHaveLength(1);
  expect(types.filter((t) => t === 'type-in')).toHaveLength(1);
  expect(draft.deck.cards).toHaveLength(10); // one Anki note per study card, except the reverse pair and the cloze
  const cloze = draft.deck.cards.find((c) => c.type === 'cloze');
  expect(cloze?.type === 'cloze' && cloze.text.en).toBe('{{c2::Go}} and {{c1::cgroups::limits}}');
  expect(draft.media.map((m) => [m.name, [...m.data]])).toEqual([['pic.png', [137, 80, 78, 71]]]);
  expect(draft.history.map((h) => [h.rating, h.review, h.durationMs])).toEqual([
    ['good', T0 + 1000, 3000],
    ['again', T0 + 2000, 5000],
  ]);
  await db.delete();
});
