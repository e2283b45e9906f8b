// Decks to an Anki package in the legacy format every Anki version imports: a zip of `collection.anki2`
// (SQLite, schema 11), `media` (JSON map) and the media files named 0, 1, … (ankitects/anki,
// rslib/src/import_export/package/apkg and pylib/anki/importing/anki2.py read the same layout).
// sql.js is passed in, so this stays pure and the WASM loads only when someone exports.
import { strToU8, zipSync } from 'fflate';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { Deck } from '../../domain/deck-schema';
import { CardState, type Memory, type RatingName } from '../../domain/scheduler';
import { IdAllocator, fieldChecksum, stableId } from './ids';
import { stripHtml } from './html';
import { deckNotes, type OutNote } from './write-notes';
import { textHtml, textPlain, type ExportLang } from './card-html';
import { SCHEMA11_SQL, ankiNotetypeJson, collectionConfJson, deckConfigJson, deckJson, notetypeJson } from './schema11';
import { exportDeck, type ExportCardRow, type ExportDeckRow } from '../dockdeck/write';
import { deckEmbed } from '../dockdeck/embed';
import { DAY_MS } from '../../domain/day';
import { isBuried, type CardMarks } from '../../domain/marks';
import { ANKI_FLAG_MASK, ANKI_QUEUE } from './card-marks';

export type ApkgCard = ExportCardRow & Memory & CardMarks & { createdAt: number; updatedAt: number };

export interface ApkgLog {
  cardId: string;
  /** An answer, or a manual change of the schedule (reset, set due date: Anki's Manual entries, type 4, ease 0). */
  rating: RatingName | 'reset' | 'set-due';
  review: number;
  state: Memory['state'];
  durationMs: number;
  before: Memory;
  after: Memory;
}

export interface ApkgInput {
  decks: Array<{ deck: ExportDeckRow & { createdAt: number; updatedAt: number }; cards: ApkgCard[] }>;
  /** Review history; used only with `scheduling`. Logs of cards not exported are left out. */
  logs: ApkgLog[];
  media: Array<{ name: string; data: Uint8Array }>;
}

export interface ApkgOptions {
  lang: ExportLang;
  /** With scheduling, cards keep their state and due dates and the review log goes along; without, all are new. */
  scheduling: boolean;
  now: number;
  /** Start of the current study day (epoch ms): Anki's days are counted from a collection start at that hour. */
  dayStart: number;
  desiredRetention?: number;
}

export interface ApkgResult {
  bytes: Uint8Array;
  notes: number;
  cards: number;
  revlog: number;
  media: number;
}

const EASE: Record<RatingName, number> = { again: 1, hard: 2, good: 3, easy: 4 };

interface NotePlan {
  note: OutNote;
  cards: Array<{ row: ApkgCard; ord: number }>;
}

/**
 * The deck's notes (`deckNotes`: one per Anki note the cards came from, or one per dockdeck card) with their stored
 * study cards. `deck` is the deck file rebuilt from the rows (`exportDeck`), so the notes are exactly those of its
 * JSON and text exports. Study cards with no note of their own (a trait table's classify cards) are not written.
 */
export function planNotes(deck: Deck, cards: readonly ApkgCard[], lang: ExportLang): NotePlan[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  return deckNotes(deck, lang).map((note) => ({
    note,
    cards: note.cards.flatMap(({ id, ord }) => {
      const row = byId.get(id);
      return row ? [{ row, ord }] : [];
    }),
  }));
}

/** An interval as the revlog keeps it: whole days when a day or more, otherwise negative seconds. */
function revlogInterval(m: Memory, from: number | null): number {
  if (m.state === CardState.New) return 0;
  if (m.scheduledDays >= 1) return Math.round(m.scheduledDays);
  return from === null ? 0 : -Math.max(1, Math.round((m.due - from) / 1000));
}

interface CardSched {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  left: number;
  reps: number;
  lapses: number;
  data: string;
}

/**
 * Anki v2 card scheduling from FSRS memory. Review and day-learning due dates are day numbers counted from
 * `crt`; intraday learning is an epoch-seconds due. SM-2 fields get neutral values (factor 2500) and the FSRS
 * memory goes in `data` as `{"s","d"}` (rslib/src/storage/card/data.rs), which Anki with FSRS on reads.
 */
function schedule(row: ApkgCard, position: number, crtMs: number, desiredRetention: number | undefined): CardSched {
  if (row.state === CardState.New)
    return {
      type: 0,
      queue: 0,
      due: position,
      ivl: 0,
      factor: 0,
      left: 0,
      reps: row.reps,
      lapses: row.lapses,
      data: '',
    };
  const day = Math.max(0, Math.floor((row.due - crtMs) / DAY_MS));
  const memory = JSON.stringify({
    s: round(row.stability),
    d: round(row.difficulty),
    ...(desiredRetention === undefined ? {} : { dr: desiredRetention }),
  });
  const common = { reps: row.reps, lapses: row.lapses, data: memory };
  if (row.state === CardState.Review)
    return {
      ...common,
      type: 2,
      queue: 2,
      due: day,
      ivl: Math.max(1, Math.round(row.scheduledDays)),
      factor: 2500,
      left: 0,
    };
  const intraday = row.lastReview === null || row.due - row.lastReview < DAY_MS;
  const type = row.state === CardState.Learning ? 1 : 3;
  const ivl = type === 3 ? Math.max(1, Math.round(row.stability)) : 0;
  return {
    ...common,
    type,
    queue: intraday ? 1 : 3,
    due: intraday ? Math.floor(row.due / 1000) : day,
    ivl,
    factor: type === 3 ? 2500 : 0,
    left: 1001,
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Builds the package. Card ids follow the cards' creation times (Anki shows them as "added"). */
/** A `notes` row of schema 11: tags space-padded, fields joined by 0x1f, the sort field stripped, its checksum. */
function noteValues(nid: number, note: OutNote, modelId: number, mod: number): SqlValue[] {
  const tags = note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '';
  const sort = note.fields['stock' in note.notetype ? 0 : note.notetype.anki.sortField] ?? '';
  const fields = note.fields.join('\x1f');
  return [nid, note.guid, modelId, mod, -1, tags, fields, stripHtml(sort), fieldChecksum(note.fields[0] ?? ''), 0, ''];
}

/**
 * The user's marks as Anki keeps them: a suspended card in queue -1, a card buried until later in queue -3 (buried by
 * the user; Anki unburies it at its next day), its type and due left as they are; the flag in the low bits of
 * `flags`. Suspension wins over a burial: Anki's queue holds one of them, and the burial would run out anyway.
 */
function withMarks(s: CardSched, row: ApkgCard, now: number): CardSched & { flags: number } {
  const flags = (row.flag ?? 0) & ANKI_FLAG_MASK;
  if (row.suspended) return { ...s, queue: ANKI_QUEUE.suspended, flags };
  if (isBuried(row, now)) return { ...s, queue: ANKI_QUEUE.userBuried, flags };
  return { ...s, flags };
}

/** A `cards` row of schema 11 (usn -1: not synced; odue and odid 0). */
function cardValues(
  cid: number,
  nid: number,
  did: number,
  ord: number,
  mod: number,
  s: CardSched & { flags: number },
): SqlValue[] {
  return [
    cid,
    nid,
    did,
    ord,
    mod,
    -1,
    s.type,
    s.queue,
    s.due,
    s.ivl,
    s.factor,
    s.reps,
    s.lapses,
    s.left,
    0,
    0,
    s.flags,
    s.data,
  ];
}

export function buildApkg(SQL: SqlJsStatic, input: ApkgInput, opts: ApkgOptions): ApkgResult {
  const all = input.decks.flatMap((d) => d.cards);
  const byId = new Map(all.map((c) => [c.id, c]));
  const logs = opts.scheduling ? input.logs.filter((l) => byId.has(l.cardId)).sort((a, b) => a.review - b.review) : [];
  // The collection starts at the study-day hour on or before the earliest date we write, so day numbers are >= 0.
  let earliest = opts.now;
  for (const c of all) earliest = Math.min(earliest, c.createdAt);
  for (const l of logs) earliest = Math.min(earliest, l.review);
  const crtMs = opts.dayStart - Math.max(0, Math.ceil((opts.dayStart - earliest) / DAY_MS)) * DAY_MS;

  const db = new SQL.Database();
  try {
    db.run(SCHEMA11_SQL);
    const noteIds = new IdAllocator();
    const cardIds = new IdAllocator();
    const revIds = new IdAllocator();
    const ankiCardId = new Map<string, number>();
    const models: Record<string, unknown> = {};
    const decks: Record<string, unknown> = { '1': deckJson(1, 'Default', '', 0) };
    const secs = (ms: number) => Math.floor(ms / 1000);
    let notes = 0;
    let cards = 0;
    let position = 0;
    db.run('begin');
    const insNote = db.prepare('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)');
    const insCard = db.prepare('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const deckIds = new IdAllocator();
    for (const { deck, cards: rows } of input.decks) {
      const did = deckIds.next(stableId(`deck:${deck.id}`));
      const file = exportDeck(deck, rows);
      const plans = planNotes(file, rows, opts.lang);
      const embed = deckEmbed(
        file,
        plans.map((p) => p.note),
        opts.lang,
        true,
      );
      decks[String(did)] = deckJson(
        did,
        textPlain(deck.title, opts.lang),
        deck.description ? textHtml(deck.description, opts.lang) : '',
        secs(deck.updatedAt),
        embed,
      );
      for (const plan of plans) {
        if (plan.cards.length === 0) continue;
        const { note } = plan;
        const model =
          'stock' in note.notetype ? notetypeJson(note.notetype.stock, did) : ankiNotetypeJson(note.notetype.anki, did);
        models[String(model.id)] ??= model;
        // An Anki note keeps its id (unless two decks' notes claim the same one); others are numbered by age.
        const wanted =
          note.noteId === undefined ? Math.min(...plan.cards.map((c) => c.row.createdAt)) : Number(note.noteId);
        const nid = noteIds.next(wanted);
        const mod = secs(Math.max(...plan.cards.map((c) => c.row.updatedAt)));
        insNote.run(noteValues(nid, note, model.id, mod));
        notes++;
        for (const { row, ord } of plan.cards) {
          position++;
          // Without scheduling every card is new and unmarked, as Anki's own export without it resets them.
          const s = opts.scheduling
            ? withMarks(schedule(row, position, crtMs, opts.desiredRetention), row, opts.now)
            : { type: 0, queue: 0, due: position, ivl: 0, factor: 0, left: 0, reps: 0, lapses: 0, data: '', flags: 0 };
          const cid = cardIds.next(row.createdAt);
          ankiCardId.set(row.id, cid);
          insCard.run(cardValues(cid, nid, did, ord, secs(row.updatedAt), s));
          cards++;
        }
      }
    }
    const revlog = writeRevlog(db, logs, ankiCardId, revIds);
    insNote.free();
    insCard.free();
    const firstDeck = Object.keys(decks).find((k) => k !== '1') ?? '1';
    db.run('insert into col values (1,?,?,?,11,0,0,0,?,?,?,?,?)', [
      secs(crtMs),
      opts.now,
      opts.now,
      JSON.stringify(collectionConfJson(Number(firstDeck), position + 1)),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify(deckConfigJson(opts.desiredRetention)),
      '{}',
    ]);
    db.run('commit');
    const media = mediaFiles(input.media);
    const bytes = zipSync({
      'collection.anki2': db.export(),
      media: strToU8(JSON.stringify(media.map)),
      ...media.files,
    });
    return { bytes, notes, cards, revlog, media: Object.keys(media.map).length };
  } finally {
    db.close();
  }
}

/** The review log of the cards written (`ankiCardId`); returns how many answers it holds. */
function writeRevlog(
  db: Database,
  logs: readonly ApkgInput['logs'][number][],
  ankiCardId: ReadonlyMap<string, number>,
  revIds: IdAllocator,
): number {
  const insRev = db.prepare('insert into revlog values (?,?,?,?,?,?,?,?,?)');
  try {
    // Answers to study cards that have no note of their own (a trait table's classify cards) stay behind with them.
    const written = logs.filter((l) => ankiCardId.has(l.cardId));
    for (const log of written) {
      // Revlog type from the state before the answer: learning (0), review (1), relearning (2).
      const { rating } = log;
      const manual = rating === 'reset' || rating === 'set-due';
      const type = manual ? 4 : log.state === CardState.Review ? 1 : log.state === CardState.Relearning ? 2 : 0;
      insRev.run([
        revIds.next(log.review),
        ankiCardId.get(log.cardId)!,
        -1,
        rating === 'reset' || rating === 'set-due' ? 0 : EASE[rating],
        revlogInterval(log.after, log.review),
        revlogInterval(log.before, log.before.lastReview),
        log.after.state === CardState.Review ? 2500 : 0,
        Math.max(0, Math.round(log.durationMs)),
        type,
      ]);
    }
    return written.length;
  } finally {
    insRev.free();
  }
}

/** The package's media list (`"0": "name.png"`) and files: Anki keys media by file name alone, so the first deck's
 * file wins when two decks use the same name. */
function mediaFiles(media: ApkgInput['media']): { map: Record<string, string>; files: Record<string, Uint8Array> } {
  const map: Record<string, string> = {};
  const files: Record<string, Uint8Array> = {};
  const seen = new Set<string>();
  for (const m of media) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    const key = String(seen.size - 1);
    map[key] = m.name;
    files[key] = m.data;
  }
  return { map, files };
}
