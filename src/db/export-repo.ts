// Reads what an export needs (a deck's rows, its logs and media) in one read transaction, and hands it to the pure
// exporters in src/formats. Nothing here writes.
import type { SqlJsStatic } from 'sql.js';
import { dayWindow } from '../domain/day-window';
import type { Deck } from '../domain/deck-schema';
import type { ExportLang } from '../formats/anki/card-html';
import { buildApkg, type ApkgResult } from '../formats/anki/write-package';
import { deckToCsv } from '../formats/csv/write-notes-text';
import { deckToJson, exportDeck } from '../formats/dockdeck/write';
import { reviewLogsToFsrsCsv, type FsrsCsv } from '../formats/csv/fsrs-log';
import { isAnswer, type DeckRow, type DockdeckDB, type MarkedCard, type MediaRow, type ReviewLogRow } from './database';
import { cardsOfDeck } from './deck-cards';
import { deckMarks, joinMarks } from './marks-table';
import { readSettings } from './settings-repo';

export class DeckNotFoundError extends Error {
  constructor(deckId: string) {
    super(`Deck ${deckId} does not exist.`);
    this.name = 'DeckNotFoundError';
  }
}

export interface DeckSnapshot {
  deck: DeckRow;
  /** The deck's cards with their marks (an Anki package keeps them). */
  cards: MarkedCard[];
}

/** The deck's cards with their marks; call inside a transaction over cards and cardMarks. */
async function markedCardsOfDeck(db: DockdeckDB, deckId: string): Promise<MarkedCard[]> {
  const [rows, marks] = await Promise.all([cardsOfDeck(db, deckId).toArray(), deckMarks(db, deckId)]);
  return rows.map((r) => joinMarks(r, marks));
}

/** A deck row with its cards, read together so the export never mixes two versions of a deck. */
export async function loadDeckForExport(db: DockdeckDB, deckId: string): Promise<DeckSnapshot> {
  return db.transaction('r', db.decks, db.cards, db.cardMarks, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new DeckNotFoundError(deckId);
    return { deck, cards: await markedCardsOfDeck(db, deckId) };
  });
}

/** A file name from the deck id: `containers-vs-vms.json`, `….txt`, `….apkg`. */
function fileName(base: string, ext: string): string {
  return `${base.replace(/[^a-z0-9-]+/gi, '-') || 'deck'}.${ext}`;
}

/** The deck as a dockdeck deck file (`dockdeck/deck@1`), valid for import; review state is not part of it. */
export async function exportDeckJson(
  db: DockdeckDB,
  deckId: string,
): Promise<{ deck: Deck; text: string; fileName: string }> {
  const { deck, cards } = await loadDeckForExport(db, deckId);
  const out = exportDeck(deck, cards);
  return { deck: out, text: deckToJson(out), fileName: fileName(deck.id, 'json') };
}

/** The deck as Anki's "Notes in Plain Text" (tab-separated, `.txt`, as Anki names it). */
export async function exportDeckCsv(
  db: DockdeckDB,
  deckId: string,
  lang: ExportLang,
): Promise<{ text: string; fileName: string }> {
  const { deck, cards } = await loadDeckForExport(db, deckId);
  return { text: deckToCsv(exportDeck(deck, cards), { lang }), fileName: fileName(deck.id, 'txt') };
}

export interface ApkgExportOptions {
  lang: ExportLang;
  /** Keep review state and history (otherwise every card arrives new). */
  scheduling: boolean;
  now: number;
}

/**
 * One or more decks as an Anki package (legacy `collection.anki2`). `SQL` is the initialised sql.js module, which
 * the caller loads lazily (it is a WASM download). The study day and desired retention come from the settings.
 */
export async function exportDecksApkg(
  db: DockdeckDB,
  deckIds: readonly string[],
  SQL: SqlJsStatic,
  opts: ApkgExportOptions,
): Promise<ApkgResult & { fileName: string }> {
  const settings = await readSettings(db);
  const tables = [db.decks, db.cards, db.cardMarks, db.reviewLogs, db.media];
  const { decks, logs, media } = await db.transaction('r', tables, async () => {
    const decks: DeckSnapshot[] = [];
    const logs: ReviewLogRow[] = [];
    const media: MediaRow[] = [];
    for (const id of deckIds) {
      const deck = await db.decks.get(id);
      if (!deck) throw new DeckNotFoundError(id);
      decks.push({ deck, cards: await markedCardsOfDeck(db, id) });
      if (opts.scheduling)
        logs.push(...(await db.reviewLogs.where('[deckId+review]').between([id, -Infinity], [id, Infinity]).toArray()));
      media.push(...(await db.media.where('deckId').equals(id).toArray()));
    }
    return { decks, logs, media };
  });
  // Blobs are read after the transaction: awaiting anything but Dexie inside it would let it commit early.
  const files = await Promise.all(
    media.map(async (m) => ({ name: m.name, data: new Uint8Array(await m.data.arrayBuffer()) })),
  );
  const result = buildApkg(
    SQL,
    { decks, logs, media: files },
    {
      lang: opts.lang,
      scheduling: opts.scheduling,
      now: opts.now,
      dayStart: dayWindow(opts.now, settings.study.dayStartHour).start,
      desiredRetention: settings.scheduler.desiredRetention,
    },
  );
  const base = decks.length === 1 ? decks[0]!.deck.id : 'dockdeck-decks';
  return { ...result, fileName: fileName(base, 'apkg') };
}

/**
 * The review log in the FSRS optimizer's CSV format, for one deck or all. Quiz answers that moved the schedule
 * are included: they changed the card's memory like a review.
 */
export async function exportReviewLogCsv(db: DockdeckDB, deckId?: string): Promise<FsrsCsv & { fileName: string }> {
  const logs =
    deckId === undefined
      ? await db.reviewLogs.orderBy('review').toArray()
      : await db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
  return {
    // The optimizer reads answers; a manual change (reset, set due date) is none.
    ...reviewLogsToFsrsCsv(logs.filter(isAnswer)),
    fileName: fileName(deckId === undefined ? 'dockdeck-revlog' : `${deckId}-revlog`, 'csv'),
  };
}
