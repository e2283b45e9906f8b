// The `cardMarks` table (since version 11): the user's marks of cards (suspended, buried, flag), kept apart from the
// card rows. The cards of a deck are spread over MARK_BUCKETS buckets by a hash of their id; a bucket row holds the
// marks of its cards that have any. Reads and writes here take and give marks by card id; call them inside the
// caller's transaction (which must include `cardMarks`, and `cards` for `existingCards`).
import Dexie from 'dexie';
import type { CardRow, DockdeckDB, MarkedCard, MarksBucketRow } from './database';
import { parkedDeck, type CardMarks } from '../domain/marks';

/**
 * Buckets per deck. Never change it without an upgrade that moves every mark: a card's bucket is where its marks are
 * looked for. 64 keeps a bucket small (~80 cards of a 5,000-card deck, ~1,600 of a 100,000-card one) and a bulk
 * action on a whole deck at 64 row writes.
 */
export const MARK_BUCKETS = 64;

/** A card's deck: its id is always `deckId/…` and a deck id has no '/' (deck-cards.ts). */
export function deckOfCard(cardId: string): string {
  const at = cardId.indexOf('/');
  return at < 0 ? cardId : cardId.slice(0, at);
}

/** The bucket of a card: FNV-1a of its id, modulo MARK_BUCKETS. */
export function bucketOf(cardId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    h ^= cardId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % MARK_BUCKETS;
}

const keyOf = (deckId: string, bucket: number) => `${deckId}\u0000${bucket}`;

/** The marks as stored: only the ones set (a false suspension, an absent burial, flag 0 are left out). */
export function cleanMarks(m: CardMarks): CardMarks {
  return {
    ...(m.suspended ? { suspended: true } : {}),
    ...(m.buriedUntil === undefined ? {} : { buriedUntil: m.buriedUntil }),
    ...(m.flag ? { flag: m.flag } : {}),
  };
}

export function hasMarks(m: CardMarks): boolean {
  return m.suspended === true || m.buriedUntil !== undefined || (m.flag ?? 0) > 0;
}

export function sameMarks(a: CardMarks, b: CardMarks): boolean {
  const x = cleanMarks(a);
  const y = cleanMarks(b);
  return x.suspended === y.suspended && x.buriedUntil === y.buriedUntil && x.flag === y.flag;
}

/** A row of the old layout (marks and `parkedDeck` in the card row) split into the card row and its marks. */
export function splitMarks<T extends CardMarks & { parkedDeck?: string }>(
  row: T,
): { card: Omit<T, 'suspended' | 'buriedUntil' | 'flag' | 'parkedDeck'>; marks: CardMarks } {
  const { suspended, buriedUntil, flag, parkedDeck: _, ...card } = row;
  return { card, marks: cleanMarks({ suspended, buriedUntil, flag } as CardMarks) };
}

/** A card row as the old layout had it (the backup file keeps it): its marks and `parkedDeck` in it. */
export function withMarksInRow(row: CardRow, marks: CardMarks | undefined): MarkedCard & { parkedDeck?: string } {
  if (!marks) return row;
  const clean = cleanMarks(marks);
  const parked = parkedDeck(row.deckId, clean);
  return { ...row, ...clean, ...(parked === undefined ? {} : { parkedDeck: parked }) };
}

/** Bucket rows holding `marks` (cards without marks are left out). */
export function bucketRows(marks: Iterable<readonly [string, CardMarks]>): MarksBucketRow[] {
  const rows = new Map<string, MarksBucketRow>();
  for (const [id, m] of marks) {
    if (!hasMarks(m)) continue;
    const deckId = deckOfCard(id);
    const bucket = bucketOf(id);
    const k = keyOf(deckId, bucket);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { deckId, bucket, cards: {} }));
    row.cards[id] = cleanMarks(m);
  }
  return [...rows.values()];
}

function addRows(out: Map<string, CardMarks>, rows: readonly (MarksBucketRow | undefined)[]): Map<string, CardMarks> {
  for (const row of rows) if (row) for (const [id, m] of Object.entries(row.cards)) out.set(id, m);
  return out;
}

/** Every mark, by card id: one read of the small table. */
export async function allMarks(db: DockdeckDB): Promise<Map<string, CardMarks>> {
  return addRows(new Map(), await db.cardMarks.toArray());
}

/** The marks of one deck's cards, by card id (one range of the table's key). */
export async function deckMarks(db: DockdeckDB, deckId: string): Promise<Map<string, CardMarks>> {
  const rows = await db.cardMarks
    .where('[deckId+bucket]')
    .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
    .toArray();
  return addRows(new Map(), rows);
}

/** The buckets `ids` fall in, by key. */
function bucketsOf(ids: Iterable<string>): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  for (const id of ids) {
    const deckId = deckOfCard(id);
    const bucket = bucketOf(id);
    const k = keyOf(deckId, bucket);
    if (!out.has(k)) out.set(k, [deckId, bucket]);
  }
  return out;
}

/** Buckets read (and written) this many at a time: each slice is a short task. */
const BUCKET_SLICE = 128;

/** The marks of `ids` that have any, by card id (each bucket read once). */
export async function readMarks(db: DockdeckDB, ids: Iterable<string>): Promise<Map<string, CardMarks>> {
  const want = new Set(ids);
  const keys = [...bucketsOf(want).values()];
  const out = new Map<string, CardMarks>();
  for (let i = 0; i < keys.length; i += BUCKET_SLICE) {
    const rows = await db.cardMarks.bulkGet(keys.slice(i, i + BUCKET_SLICE));
    for (const row of rows) if (row) for (const [id, m] of Object.entries(row.cards)) if (want.has(id)) out.set(id, m);
  }
  return out;
}

/**
 * Changes the marks of `ids`: `next` gets each card's marks now ({} for none) and returns its new marks, or
 * undefined to leave them. Each bucket is read once and written once (deleted when none of its cards has a mark
 * left), a slice of buckets at a time.
 */
export async function updateMarks(
  db: DockdeckDB,
  ids: Iterable<string>,
  next: (id: string, marks: CardMarks) => CardMarks | undefined,
): Promise<void> {
  const byBucket = new Map<string, { key: [string, number]; ids: string[] }>();
  for (const id of ids) {
    const deckId = deckOfCard(id);
    const bucket = bucketOf(id);
    const k = keyOf(deckId, bucket);
    const entry = byBucket.get(k);
    if (entry) entry.ids.push(id);
    else byBucket.set(k, { key: [deckId, bucket], ids: [id] });
  }
  const groups = [...byBucket.values()];
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < groups.length; i += BUCKET_SLICE) {
    const slice = groups.slice(i, i + BUCKET_SLICE);
    const rows = await db.cardMarks.bulkGet(slice.map((g) => g.key));
    const puts: MarksBucketRow[] = [];
    const gone: [string, number][] = [];
    slice.forEach((g, j) => {
      const row = rows[j];
      const cards = { ...row?.cards };
      let changed = false;
      for (const id of g.ids) {
        const after = next(id, cards[id] ?? {});
        if (after === undefined) continue;
        changed = true;
        if (hasMarks(after)) cards[id] = cleanMarks(after);
        else delete cards[id];
      }
      if (!changed) return;
      if (Object.keys(cards).length > 0) puts.push({ deckId: g.key[0], bucket: g.key[1], cards });
      else if (row) gone.push(g.key);
    });
    // Issued while the next slice is read: IndexedDB runs a transaction's requests in order.
    const writes: Promise<unknown>[] = [];
    if (puts.length > 0) writes.push(db.cardMarks.bulkPut(puts));
    if (gone.length > 0) writes.push(db.cardMarks.bulkDelete(gone));
    for (const p of writes) {
      p.catch(() => {});
      pending.push(p);
    }
  }
  await Promise.all(pending);
}

/** Sets the marks of cards (none: `{}` or null takes them off). */
export function putMarks(db: DockdeckDB, marks: ReadonlyMap<string, CardMarks | null>): Promise<void> {
  return updateMarks(db, marks.keys(), (id) => marks.get(id) ?? {});
}

/** Takes the marks off `ids` (deleted cards); returns the marks they had, by card id. */
export async function dropMarks(db: DockdeckDB, ids: Iterable<string>): Promise<Map<string, CardMarks>> {
  const had = new Map<string, CardMarks>();
  await updateMarks(db, ids, (id, m) => {
    if (!hasMarks(m)) return undefined;
    had.set(id, m);
    return {};
  });
  return had;
}

/** Ids checked for existence this many at a time (sorted, one key range each). */
const KEY_SLICE = 1000;

/**
 * Which of `ids` are stored cards: read as keys only (no card row is read), one key range per slice of the sorted
 * ids. The ranges do not overlap, so at most every key of the table is read once.
 */
export async function existingCards(db: DockdeckDB, ids: Iterable<string>): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Set<string>();
  for (let i = 0; i < sorted.length; i += KEY_SLICE) {
    const slice = sorted.slice(i, i + KEY_SLICE);
    const want = new Set(slice);
    const keys = await db.cards
      .where('id')
      .between(slice[0]!, slice[slice.length - 1]!, true, true)
      .primaryKeys();
    for (const k of keys) if (want.has(k)) out.add(k);
  }
  return out;
}

/** A card row with its marks. */
export function joinMarks(row: CardRow, marks: ReadonlyMap<string, CardMarks>): MarkedCard {
  const m = marks.get(row.id);
  return m ? { ...row, ...m } : row;
}

/** The card rows of `ids` that exist, with their marks (undefined where a card does not exist). */
export async function markedCards(db: DockdeckDB, ids: readonly string[]): Promise<(MarkedCard | undefined)[]> {
  const [rows, marks] = await Promise.all([db.cards.bulkGet([...ids]), readMarks(db, ids)]);
  return rows.map((r) => r && joinMarks(r, marks));
}
