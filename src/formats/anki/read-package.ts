// The Anki package reader: .apkg / .colpkg (legacy collection.anki2 / .anki21, and current collection.anki21b) and
// bare collection files, in; one DeckDraft per Anki deck that holds cards, out. Loaded only when an import starts
// (it pulls in sql.js, which the caller injects). Phases: unpack → notes → history → media, with progress and
// cancellation between batches. Mapping decisions: anki-note-types.ts (cards), anki-ids.ts (ids), anki-media.ts.
import type { SqlJsStatic } from 'sql.js';
import {
  IMPORT_LIMITS,
  ImportError,
  type DeckDraft,
  type ImportIssue,
  type ImportedMedia,
  type ImportedReview,
} from '../import/draft';
import { parseDeck } from '../dockdeck/validate';
import type { AnkiNotetypeDef, Deck, DeckCard } from '../../domain/deck-schema';
import { readEmbed, withSource, type ReadEmbed } from '../dockdeck/embed';
import { stripActiveContent } from '../import/active-content';
import { CollectionError, allRows, openCollection, type AnkiNotetype, type AnkiSchema } from './collection';
import { Budget, ContainerError, openContainer } from './container';
import { readLegacySchema } from './read-legacy';
import { readModernSchema } from './read-21b';
import { NoteConverter, deckNameOf, type CardRow } from './read-notes';
import { convertRevlog, type HistoryWarning, type ReviewTarget } from './history';
import { deckIdFromName, hashHex } from './ids';
import { isSafeMediaName, mimeType } from './media';
import { mediaNames } from '../../domain/media-refs';
import { forEachBatch, historyWarnings, noteWarnings } from './report';
import { ZipError } from './zip';
import { formatBytes } from '../bytes';

export interface ReadAnkiOptions {
  /** The picked file's name: named in every message and kept as each card's `source.doc`. */
  fileName: string;
  /** Also read the review log into `history`. */
  includeScheduling: boolean;
  sql: SqlJsStatic;
  /** Reviews dated more than a day after this are left out. */
  now: Date;
  onProgress?: (done: number, total: number, phase: AnkiPhase) => void;
  /** Set `cancelled` to stop at the next batch; the reader then throws AnkiImportCancelledError. */
  signal?: { cancelled: boolean };
  /**
   * Awaited between batches so that the caller's event loop runs (in the worker, a cancel message sets
   * `signal.cancelled` there). The reader has no timers of its own; without it, it does not yield.
   */
  yieldToEvents?: () => Promise<void>;
}

export type AnkiPhase = 'unpack' | 'notes' | 'history' | 'media';

export interface AnkiReadResult {
  drafts: DeckDraft[];
  /** What was left out or changed, for the preview. */
  warnings: string[];
}

/** Thrown when `signal.cancelled` was set. Named like the DOM's AbortError so callers can treat both alike. */
export class AnkiImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'AbortError';
  }
}

function fail(file: string, message: string, where?: string): never {
  throw new ImportError([where === undefined ? { file, message } : { file, where, message }]);
}

export async function readAnkiPackage(bytes: Uint8Array, opts: ReadAnkiOptions): Promise<AnkiReadResult> {
  // Every card cites the file (`source.doc`), which must not be blank.
  const file = opts.fileName.trim() || 'Anki package';
  const progress = (done: number, total: number, phase: AnkiPhase) => opts.onProgress?.(done, total, phase);
  const checkCancelled = () => {
    if (opts.signal?.cancelled) throw new AnkiImportCancelledError();
  };
  const betweenPhases = async () => {
    await opts.yieldToEvents?.();
    checkCancelled();
  };
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    fail(
      file,
      `is ${formatBytes(bytes.length)}, more than the ${formatBytes(IMPORT_LIMITS.maxFileBytes)} an import may be`,
    );
  }

  progress(0, 1, 'unpack');
  const budget = new Budget();
  let container;
  try {
    container = openContainer(bytes, file, budget);
  } catch (e) {
    if (e instanceof ZipError) {
      if (e.problem === 'not-zip')
        fail(file, 'is not an Anki package (.apkg, .colpkg) or collection (.anki2): it is not a zip file');
      fail(file, e.message, e.entry);
    }
    if (e instanceof ContainerError) fail(file, e.message, e.where);
    throw e;
  }
  const where = container.collectionName === file ? undefined : container.collectionName;
  let col;
  try {
    col = openCollection(opts.sql, container.collection);
  } catch (e) {
    if (e instanceof CollectionError) fail(file, e.message, where);
    throw e;
  }
  // sql.js copied the database into its own memory: let the unpacked bytes go (they can be hundreds of MB).
  container.collection = new Uint8Array(0);
  progress(1, 1, 'unpack');

  try {
    await betweenPhases();
    const { db } = col;
    let schema: AnkiSchema;
    try {
      schema = col.modern ? readModernSchema(db, col.hasConfig) : readLegacySchema(db);
    } catch (e) {
      if (e instanceof CollectionError) fail(file, e.message, where);
      throw e;
    }
    // Shared decks often carry scripts in their templates: they are taken out here (and counted), not refused.
    const disarmed = disarmTemplates(schema);

    // Cards first, grouped by note: a card in a filtered deck belongs to its original (home) deck.
    const cardsByNote = new Map<string, CardRow[]>();
    let unknownDeck = 0;
    const home = col.hasOdid
      ? 'case when odid != 0 then cast(odid as text) else cast(did as text) end'
      : 'cast(did as text)';
    await forEachBatch(
      db,
      `select cast(id as text), cast(nid as text), ${home}, ord from cards`,
      20_000,
      betweenPhases,
      (row) => {
        let deck = String(row[2]);
        if (!schema.decks.has(deck)) {
          unknownDeck++;
          deck = schema.decks.has('1') ? '1' : deck;
        }
        const card: CardRow = { id: String(row[0]), deck, ord: Number(row[3]) };
        const list = cardsByNote.get(String(row[1]));
        if (list) list.push(card);
        else cardsByNote.set(String(row[1]), [card]);
      },
    );

    // Decks a dockdeck export wrote carry the deck and its cards for dockdeck (embed.ts).
    const embeds = new Map<string, ReadEmbed>();
    for (const [id, info] of schema.decks) {
      const embed = info.dockdeck === undefined ? null : readEmbed(info.dockdeck, file);
      if (embed) embeds.set(id, embed);
    }
    const converter = new NoteConverter(schema, file, IMPORT_LIMITS.maxListedIssues, embeds);
    const totalNotes = Number(allRows(db, 'select count(*) from notes')[0]?.[0] ?? 0);
    progress(0, totalNotes, 'notes');
    await forEachBatch(
      db,
      'select cast(id as text), guid, cast(mid as text), tags, flds from notes order by id',
      2_000,
      betweenPhases,
      (row) => {
        const id = String(row[0]);
        converter.addNote(
          {
            id,
            guid: String(row[1] ?? ''),
            mid: String(row[2]),
            tags: String(row[3] ?? ''),
            flds: String(row[4] ?? ''),
          },
          cardsByNote.get(id) ?? [],
        );
      },
      (done) => progress(done, totalNotes, 'notes'),
    );
    if (converter.issueCount > 0) {
      const issues: ImportIssue[] = [...converter.issues];
      const more = converter.issueCount - issues.length;
      if (more > 0) issues.push({ file, message: `and ${more} more ${more === 1 ? 'problem' : 'problems'}` });
      throw new ImportError(issues);
    }
    const warnings = noteWarnings(converter, unknownDeck);
    const removed = disarmed + converter.activeRemoved;
    if (removed > 0)
      warnings.push(
        `${removed} ${removed === 1 ? 'script or event handler was' : 'scripts, event handlers or javascript: links were'} taken out of the note types and notes (dockdeck never runs them)`,
      );
    await betweenPhases();

    // dockdeck deck ids: a slug of the name; names that slug alike are told apart by a hash, in name order.
    // Code-unit order, not localeCompare: the same on every machine, so the same deck gets the same id everywhere.
    const byName = (a: string, b: string) =>
      deckNameOf(schema, a) < deckNameOf(schema, b) ? -1 : deckNameOf(schema, a) > deckNameOf(schema, b) ? 1 : 0;
    const ankiDecks = [...converter.decks.keys()].sort(byName);
    const deckIds = new Map<string, string>();
    const used = new Set<string>();
    // A deck of a dockdeck export keeps its dockdeck id: the one its embed names, or that all its notes' GUIDs name.
    for (const d of ankiDecks) {
      const votes = [...(converter.dockdeckIds.get(d) ?? [])];
      const named = embeds.get(d)?.deck.id ?? (votes.length === 1 ? votes[0] : null);
      if (named && !used.has(named)) {
        used.add(named);
        deckIds.set(d, named);
      }
    }
    for (const d of ankiDecks) {
      if (deckIds.has(d)) continue;
      const name = deckNameOf(schema, d);
      let id = deckIdFromName(name);
      if (used.has(id)) id = `${id.slice(0, 71).replace(/-+$/, '')}-${hashHex(name).slice(0, 8)}`;
      for (let n = 2; used.has(id); n++) id = `${id.slice(0, 76)}-${n}`;
      used.add(id);
      deckIds.set(d, id);
    }

    const history = new Map<string, ImportedReview[]>();
    if (opts.includeScheduling && col.hasRevlog) {
      const counts = new Map<HistoryWarning, number>();
      const lastAnswer = new Map<string, number>();
      const targets = new Map<string, ReviewTarget>();
      for (const [cid, t] of converter.targets) {
        const deckId = deckIds.get(t.deck)!;
        targets.set(cid, { deckId, cardId: `${deckId}/${t.studyCard}` });
      }
      const total = Number(allRows(db, 'select count(*) from revlog')[0]?.[0] ?? 0);
      progress(0, total, 'history');
      await forEachBatch(
        db,
        'select id, cast(cid as text), ease, ivl, time, type from revlog order by id',
        20_000,
        betweenPhases,
        (row) => {
          const [id, cid, ease, ivl, time, type] = row;
          const c = String(cid);
          const r = convertRevlog(
            { id: Number(id), cid: c, ease: Number(ease), ivl: Number(ivl), time: Number(time), type: Number(type) },
            targets,
            schema.schedV1,
            opts.now,
            lastAnswer,
          );
          if (typeof r === 'string') return void counts.set(r, (counts.get(r) ?? 0) + 1);
          const deckId = targets.get(c)!.deckId;
          const list = history.get(deckId);
          if (list) list.push(r);
          else history.set(deckId, [r]);
        },
        (done) => progress(done, total, 'history'),
      );
      warnings.push(...historyWarnings(counts));
      await betweenPhases();
    }

    const media = await readMedia(container, converter.decks, betweenPhases, progress, warnings, file);

    const drafts: DeckDraft[] = [];
    for (const d of ankiDecks) {
      const id = deckIds.get(d)!;
      const info = schema.decks.get(d);
      const name = deckNameOf(schema, d);
      const description = info?.description.trim() ?? '';
      const typesUsed = converter.notetypesOf.get(d) ?? new Set<string>();
      const ankiNotetypes = [...typesUsed].flatMap((mid) => {
        const nt = schema.notetypes.get(mid);
        return nt ? [notetypeDef(nt)] : [];
      });
      const embedded = embeds.get(d)?.deck;
      const deck: Deck = embedded
        ? {
            ...embedded,
            id,
            sources: withSource(embedded.sources, file),
            ...(ankiNotetypes.length > 0 ? { ankiNotetypes } : {}),
            cards: converter.decks.get(d)!,
          }
        : {
            format: 'dockdeck/deck@1',
            id,
            title: { en: name, zh: name },
            ...(description === '' ? {} : { description: { en: description, zh: description } }),
            tags: [],
            sources: [{ doc: file }],
            tables: [],
            textFormat: 'html',
            ...(ankiNotetypes.length > 0 ? { ankiNotetypes } : {}),
            cards: converter.decks.get(d)!,
          };
      // The mapping should only ever make valid decks; a failure here is a bug, reported rather than written.
      const checked = parseDeck(file, deck);
      if (!checked.ok)
        throw new ImportError(
          checked.issues.slice(0, IMPORT_LIMITS.maxListedIssues).map((i) => ({
            file,
            ...(i.cardId ? { where: `${name} / ${i.cardId}` } : { where: name }),
            field: i.field,
            message: i.message,
          })),
        );
      drafts.push({ deck: checked.deck, format: 'anki', media: media.get(d) ?? [], history: history.get(id) ?? [] });
    }
    return { drafts, warnings };
  } finally {
    col.db.close();
  }
}

/** Takes scripts, event handlers and javascript: links out of every template and stylesheet; how many there were. */
function disarmTemplates(schema: AnkiSchema): number {
  let removed = 0;
  const strip = (text: string) => {
    const r = stripActiveContent(text);
    removed += r.removed;
    return r.html;
  };
  for (const nt of schema.notetypes.values()) {
    for (const t of nt.templates) {
      t.qfmt = strip(t.qfmt);
      t.afmt = strip(t.afmt);
    }
  }
  return removed;
}

/** A note type as a deck keeps it (deck-schema.ts `ankiNotetypeSchema`). */
function notetypeDef(nt: AnkiNotetype): AnkiNotetypeDef {
  return {
    id: nt.id,
    name: nt.name,
    cloze: nt.cloze,
    fields: nt.fields,
    templates: nt.templates.map((t) => ({ name: t.name, ord: t.ord, qfmt: t.qfmt, afmt: t.afmt })),
    css: nt.css,
    sortField: nt.sortField,
  };
}

/**
 * The HTML of a card the reader made (both languages hold the same text), and its note's raw fields: a file only a
 * field uses, that no template shows, still goes along, so an export writes the note with all its files.
 */
function cardHtml(card: DeckCard): string[] {
  return [...shownHtml(card), ...(card.anki?.fields ?? [])];
}

function shownHtml(card: DeckCard): string[] {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return [card.front.en, card.back.en];
    case 'cloze':
      return card.extra ? [card.text.en, card.extra.en] : [card.text.en];
    case 'type-in':
      return [card.prompt.en, card.answer.en];
    default:
      return [];
  }
}

/**
 * The media each deck's cards use, read from the package once per file. References are found with the app's own
 * `mediaNames` (src/domain/media-refs.ts), so a deck gets exactly the names its cards will ask for; a reference finds
 * its file also when only Unicode normalisation differs (Anki stores NFC names).
 */
async function readMedia(
  container: ReturnType<typeof openContainer>,
  decks: Map<string, DeckCard[]>,
  between: () => Promise<void>,
  progress: (done: number, total: number, phase: AnkiPhase) => void,
  warnings: string[],
  file: string,
): Promise<Map<string, ImportedMedia[]>> {
  const byName = new Map<string, string>();
  let unsafe = 0;
  for (const m of container.media) {
    const name = m.name.normalize('NFC');
    if (!isSafeMediaName(name)) unsafe++;
    else if (!byName.has(name)) byName.set(name, m.zipName);
  }
  const refs = new Map<string, Set<string>>();
  const needed = new Map<string, string>();
  // A package without media files (most big ones) has no reference to look for.
  for (const [d, cards] of byName.size === 0 ? [] : decks) {
    const set = new Set<string>();
    for (const card of cards) {
      for (const html of cardHtml(card)) {
        for (const ref of mediaNames(html)) {
          const zipName = byName.get(ref.normalize('NFC'));
          if (zipName === undefined) continue;
          set.add(ref);
          needed.set(ref, zipName);
        }
      }
    }
    refs.set(d, set);
  }
  const loaded = new Map<string, ImportedMedia>();
  const byZip = new Map<string, Uint8Array | undefined>();
  const missingFiles = new Set<string>();
  progress(0, needed.size, 'media');
  let done = 0;
  for (const [name, zipName] of needed) {
    if (done % 50 === 0) await between();
    let data = byZip.get(zipName);
    if (!byZip.has(zipName)) {
      try {
        data = container.mediaFile(zipName);
      } catch (e) {
        if (e instanceof ZipError || e instanceof ContainerError) fail(file, e.message, `media file "${name}"`);
        throw e;
      }
      byZip.set(zipName, data);
    }
    // A stored entry is a view into the whole package: copy it, or posting or storing the file would take the
    // whole package with it (structured clone keeps a view's entire buffer).
    if (data)
      loaded.set(name, {
        name,
        type: mimeType(name, data),
        data: data.byteLength === data.buffer.byteLength ? data : data.slice(),
      });
    else missingFiles.add(name);
    progress(++done, needed.size, 'media');
  }
  const out = new Map<string, ImportedMedia[]>();
  for (const [d, set] of refs)
    out.set(
      d,
      [...set].flatMap((n) => loaded.get(n) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
  const unused = byName.size - new Set(needed.values()).size;
  if (unused > 0)
    warnings.push(
      `${unused} media ${unused === 1 ? 'file' : 'files'} not used by any card ${unused === 1 ? 'was' : 'were'} left out`,
    );
  if (unsafe > 0)
    warnings.push(
      `${unsafe} media ${unsafe === 1 ? 'file' : 'files'} with an unusable name ${unsafe === 1 ? 'was' : 'were'} left out`,
    );
  const missing = [...missingFiles];
  if (missing.length > 0)
    warnings.push(
      `${missing.length} media ${missing.length === 1 ? 'file is' : 'files are'} listed but missing from the package: ${missing.slice(0, 5).join(', ')}`,
    );
  return out;
}
