// Bench page: seeds the `dockdeck` database and times the app's real queue query against raw IndexedDB reads.
import { DockdeckDB, type CardRow, type DeckRow } from '../../src/db/database';
import { cardsOfDeck } from '../../src/db/deck-cards';
import Dexie from 'dexie';
import { answerCard, doneInWindow, loadQueue, memoryOf } from '../../src/db/review-repo';
import { dayWindow } from '../../src/domain/day-window';
import { DEFAULT_QUEUE_LIMITS } from '../../src/domain/queue';
import { CardState, grade } from '../../src/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { rng } from '../../src/domain/quiz/random';
import { inTurn } from './in-turn';
import { searchTiming as timeSearch, type SearchOptions, type SearchTimingResult } from './search';

const DAY = 24 * 60 * 60 * 1000;

export interface SeedOptions {
  decks: number;
  perDeck: number;
  /** Seed of the pseudo-random generator, so every run stores the same rows. */
  seed?: number;
}

export interface SeedResult {
  deckIds: string[];
  cards: number;
  due: number;
  ms: number;
}

export interface QueueBuildResult {
  ours: number[];
  raw: number[];
  /** loadQueue's first step alone (today's log range), to see where the time goes. */
  doneInWindow: number[];
  oursRows: number;
  rawRows: number;
  queueLength: number;
}

let dexie: DockdeckDB | null = null;
function conn(): DockdeckDB {
  dexie ??= new DockdeckDB();
  return dexie;
}

function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // No version: open whatever version the app created, never upgrade it.
    const req = indexedDB.open('dockdeck');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
  });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * The component each card asks about: one of 20, so a free-text search for one (`search.text` looks for `seccomp`)
 * finds 1 card in 20 (of a deck of a multiple of 20 cards). No topic is part of another one or of the rest of the text.
 */
export const TOPICS = [
  'kernel',
  'namespace',
  'cgroup',
  'overlayfs',
  'registry',
  'runtime',
  'seccomp',
  'hypervisor',
  'scheduler',
  'volume',
  'network',
  'image',
  'layer',
  'daemon',
  'socket',
  'capability',
  'snapshot',
  'manifest',
  'sandbox',
  'firmware',
] as const;

export function deckIdOf(i: number): string {
  return `bench-${pad(i + 1, 2)}`;
}

/** One card row; even positions are review cards due in the past (1–365 days, varied), odd ones are new. */
function cardRow(deckId: string, i: number, now: number, rnd: () => number): CardRow {
  const id = `${deckId}/c${pad(i, 5)}`;
  // Each run of 20 positions has every topic once, shifted by one from the last run: new and review cards alike.
  const topic = TOPICS[(i + Math.floor(i / TOPICS.length)) % TOPICS.length]!;
  const base = {
    id,
    deckId,
    noteId: id,
    tags: ['bench', `group-${i % 10}`],
    source: { doc: 'bench-source.md', section: `Section ${Math.floor(i / 50) + 1}` },
    content: {
      kind: 'basic' as const,
      front: {
        en: `Bench question ${i} of ${deckId}: what does the ${topic} component described in section ${Math.floor(i / 50) + 1} do?`,
        zh: `基准问题 ${i}（${deckId}）：第 ${Math.floor(i / 50) + 1} 节描述的 ${topic} 组件有什么作用？`,
      },
      back: {
        en: `It is answer ${i}: a sentence of ordinary length, so rows are about as large as real cards.`,
        zh: `答案 ${i}：一句普通长度的话，使行的大小与真实卡片相近。`,
      },
    },
    position: i,
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  };
  if (i % 2 === 1) {
    return {
      ...base,
      due: now - 400 * DAY,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: CardState.New,
      lastReview: null,
    };
  }
  const overdue = Math.floor((1 + rnd() * 364) * DAY);
  const scheduledDays = 1 + Math.floor(rnd() * 120);
  const due = now - overdue;
  return {
    ...base,
    due,
    stability: 1 + rnd() * 200,
    difficulty: 1 + rnd() * 9,
    elapsedDays: scheduledDays,
    scheduledDays,
    learningSteps: 0,
    reps: 1 + Math.floor(rnd() * 20),
    lapses: Math.floor(rnd() * 4),
    state: CardState.Review,
    lastReview: due - scheduledDays * DAY,
  };
}

/** Replaces the whole database with `decks` × `perDeck` cards, one bulkPut transaction per deck. */
async function seed(opts: SeedOptions): Promise<SeedResult> {
  const t0 = performance.now();
  const db = conn();
  await db.open();
  await db.transaction('rw', [db.decks, db.cards, db.cardMarks, db.reviewLogs, db.settings], async () => {
    await Promise.all([
      db.decks.clear(),
      db.cards.clear(),
      db.cardMarks.clear(),
      db.reviewLogs.clear(),
      db.settings.clear(),
    ]);
  });
  const now = Date.now();
  const rnd = rng(opts.seed ?? 42);
  const deckIds: string[] = [];
  let due = 0;
  for (let d = 0; d < opts.decks; d++) {
    const deckId = deckIdOf(d);
    deckIds.push(deckId);
    const rows: CardRow[] = [];
    for (let i = 0; i < opts.perDeck; i++) rows.push(cardRow(deckId, i, now, rnd));
    due += rows.filter((r) => r.state === CardState.Review).length;
    // Asserted rather than annotated: the row type grows with the schema (e.g. `origin` since version 2).
    const deck = {
      id: deckId,
      title: { en: `Bench deck ${pad(d + 1, 2)}`, zh: `基准卡组 ${pad(d + 1, 2)}` },
      tags: ['bench'],
      sources: [],
      tables: [],
      builtin: false,
      origin: 'json',
      contentHash: 'bench',
      createdAt: now - 400 * DAY,
      updatedAt: now - 400 * DAY,
    } as DeckRow;
    await db.transaction('rw', db.decks, db.cards, async () => {
      await db.decks.put(deck);
      await db.cards.bulkPut(rows);
    });
  }
  return { deckIds, cards: opts.decks * opts.perDeck, due, ms: performance.now() - t0 };
}

/** The rows loadQueue reads, read with plain IndexedDB: one readonly transaction, getAll on the two indexes. */
function rawQueueRead(
  idb: IDBDatabase,
  deckId: string,
  dayEnd: number,
  reviews: number,
  fresh: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('cards', 'readonly');
    const store = tx.objectStore('cards');
    const due = store.index('[deckId+state+due]');
    const pos = store.index('[deckId+state+position]');
    let rows = 0;
    const take = (req: IDBRequest<unknown[]>) => {
      req.onsuccess = () => {
        rows += req.result.length;
      };
    };
    take(due.getAll(IDBKeyRange.bound([deckId, CardState.Learning, -Infinity], [deckId, CardState.Learning, []])));
    take(due.getAll(IDBKeyRange.bound([deckId, CardState.Relearning, -Infinity], [deckId, CardState.Relearning, []])));
    take(
      due.getAll(
        IDBKeyRange.bound([deckId, CardState.Review, -Infinity], [deckId, CardState.Review, dayEnd], false, true),
        reviews,
      ),
    );
    take(pos.getAll(IDBKeyRange.bound([deckId, CardState.New, -Infinity], [deckId, CardState.New, []]), fresh));
    tx.oncomplete = () => resolve(rows);
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Times loadQueue and the raw read alternately (which goes first alternates too), after `warmup` unmeasured rounds. */
async function queueBuild(deckId: string, runs: number, warmup: number): Promise<QueueBuildResult> {
  const db = conn();
  await db.open();
  const idb = await rawOpen();
  const limits = DEFAULT_QUEUE_LIMITS;
  const out: QueueBuildResult = { ours: [], raw: [], doneInWindow: [], oursRows: 0, rawRows: 0, queueLength: 0 };
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const now = Date.now();
      const day = dayWindow(now, DEFAULT_SETTINGS.study.dayStartHour);
      const ours = async () => {
        const t = performance.now();
        const snap = await loadQueue(db, deckId, now, day, limits);
        const dt = performance.now() - t;
        out.oursRows = snap.cards.size;
        out.queueLength = snap.queue.cards.length;
        return dt;
      };
      const raw = async () => {
        const t = performance.now();
        out.rawRows = await rawQueueRead(idb, deckId, day.end, limits.reviewsPerDay, limits.newPerDay);
        return performance.now() - t;
      };
      const [a, b] = await inTurn(i, ours, raw);
      const t = performance.now();
      await doneInWindow(db, deckId, day);
      const c = performance.now() - t;
      if (i >= warmup) {
        out.ours.push(a);
        out.raw.push(b);
        out.doneInWindow.push(c);
      }
    }
  } finally {
    idb.close();
  }
  return out;
}

export interface AnswerTimingResult {
  /** answerCard (Dexie transaction: get, grade, put card, add log), per answer. */
  answerCard: number[];
  /** The FSRS step alone (ts-fsrs through the scheduler wrapper), on the same cards. */
  grade: number[];
}

/** Times the app's answerCard on distinct review cards of a deck (answered 'good'), to split the answer latency. */
async function answerTiming(deckId: string, runs: number, warmup: number): Promise<AnswerTimingResult> {
  const db = conn();
  await db.open();
  const rows = await db.cards
    .where('[deckId+state+due]')
    .between([deckId, CardState.Review, Dexie.minKey], [deckId, CardState.Review, Dexie.maxKey])
    .limit(warmup + runs)
    .toArray();
  if (rows.length < warmup + runs) throw new Error(`only ${rows.length} review cards in ${deckId}`);
  const settings = DEFAULT_SETTINGS.scheduler;
  const out: AnswerTimingResult = { answerCard: [], grade: [] };
  for (const [i, row] of rows.entries()) {
    let t = performance.now();
    grade(row.id, memoryOf(row), 'good', new Date(), settings);
    const g = performance.now() - t;
    t = performance.now();
    await answerCard(db, row.id, 'good', new Date(), { durationMs: 1000, settings });
    const a = performance.now() - t;
    if (i >= warmup) {
      out.grade.push(g);
      out.answerCard.push(a);
    }
  }
  return out;
}

export interface BulkPutBaseline {
  ms: number;
  rows: number;
  /** The same card rows put into a store with no secondary index (plain IndexedDB). */
  bareMs: number;
}

/**
 * The import cases' baseline: the deck and card rows an import stored, written again with one raw Dexie `bulkPut`
 * (one transaction) into an empty database of the same schema, which is then deleted.
 */
async function bulkPutBaseline(deckIds: string[]): Promise<BulkPutBaseline> {
  const source = conn();
  await source.open();
  const decks = (await source.decks.bulkGet(deckIds)).filter((d): d is DeckRow => d !== undefined);
  const cards = (await Promise.all(deckIds.map((d) => cardsOfDeck(source, d).toArray()))).flat();
  source.close();
  dexie = null;
  const name = `bench-baseline-${Date.now()}`;
  const target = new DockdeckDB(name);
  await target.open();
  try {
    const t = performance.now();
    await target.transaction('rw', target.decks, target.cards, async () => {
      await target.decks.bulkPut(decks);
      await target.cards.bulkPut(cards);
    });
    const ms = performance.now() - t;
    return { ms, rows: cards.length, bareMs: await barePut(cards) };
  } finally {
    target.close();
    await Dexie.delete(name);
  }
}

/**
 * The floor under any import on this machine: the same card rows put into an object store with no secondary index
 * at all (so nothing a study app could query), in one transaction of plain IndexedDB puts.
 */
async function barePut(cards: unknown[]): Promise<number> {
  const name = `bench-bare-${Date.now()}`;
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('cards', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('cards', 'readwrite');
      const store = tx.objectStore('cards');
      for (const card of cards) store.put(card);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - t;
  } finally {
    idb.close();
    await Dexie.delete(name);
  }
}

/** Times the browser's search for `text` against a raw read of the same rows (see search.ts). */
async function searchTiming(text: string, opts: SearchOptions): Promise<SearchTimingResult> {
  const db = conn();
  await db.open();
  const idb = await rawOpen();
  try {
    return await timeSearch(db, idb, text, opts);
  } finally {
    idb.close();
  }
}

const bench = { seed, queueBuild, answerTiming, deckIdOf, bulkPutBaseline, searchTiming };

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.getElementById('status')!.textContent = 'bench ready';
document.documentElement.dataset.benchReady = 'true';
