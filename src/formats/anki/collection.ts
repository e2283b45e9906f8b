// Opens an Anki collection (SQLite) with sql.js and checks that it is one before anything is read: the tables the
// reader queries must be real tables (a view could loop forever) without generated columns (which could compute
// huge values on read). The schema is Anki's (rslib/src/storage/schema11.sql; later versions only add tables).
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { errorDetail, PartError } from '../../domain/errors';
import type { IssueCode, IssueParams } from '../../domain/issue';

export interface AnkiTemplate {
  ord: number;
  name: string;
  qfmt: string;
  afmt: string;
}

export interface AnkiNotetype {
  id: string;
  name: string;
  /** Cloze note types make one card per cloze number (card ord = number − 1). */
  cloze: boolean;
  /** Field names, in field order (the order of the values in `notes.flds`). */
  fields: string[];
  templates: AnkiTemplate[];
  /** The note type's stylesheet. */
  css: string;
  /** Index of the field Anki sorts by. */
  sortField: number;
}

export interface AnkiDeckInfo {
  id: string;
  /** Full name with `::` between levels (`Parent::Child`). */
  name: string;
  description: string;
  filtered: boolean;
  /** What a dockdeck export put in the deck for dockdeck (`dockdeck` key of a legacy deck's JSON; see embed.ts). */
  dockdeck?: unknown;
}

/** What the reader needs from a collection besides its notes, cards and review log. */
export interface AnkiSchema {
  notetypes: Map<string, AnkiNotetype>;
  decks: Map<string, AnkiDeckInfo>;
  /**
   * The collection used the v1 scheduler, whose learning answers were logged as 1–3 (again/good/easy); Anki shifts
   * them when upgrading to v2 (rslib/src/storage/revlog/v2_upgrade.sql) and so does the reader.
   */
  schedV1: boolean;
}

/** Why a file is not a readable collection (an `anki.*` issue); the package reader names the collection file. */
export function collectionError(code: IssueCode, params?: IssueParams): PartError {
  return new PartError({ code, ...(params === undefined ? {} : { params }) });
}

/** SQLite refused a query: the database is damaged (SQLite's words are the detail). */
export function damaged(e: unknown): PartError {
  return collectionError('anki.db-damaged', { detail: errorDetail(e) });
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export function looksLikeSqlite(b: Uint8Array): boolean {
  if (b.length < 100) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (b[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** The columns each table must have for the queries the reader runs. */
const REQUIRED: Record<string, string[]> = {
  col: ['models', 'decks', 'conf'],
  notes: ['id', 'guid', 'mid', 'tags', 'flds'],
  cards: ['id', 'nid', 'did', 'ord'],
  revlog: ['id', 'cid', 'ease', 'time', 'type'],
  notetypes: ['id', 'name', 'config'],
  fields: ['ntid', 'ord', 'name'],
  templates: ['ntid', 'ord', 'name', 'config'],
  decks: ['id', 'name', 'kind'],
  config: ['key', 'val'],
};

export interface OpenCollection {
  db: Database;
  /** The collection stores note types in tables (schema 15 and later: collection.anki21b) rather than JSON in `col`. */
  modern: boolean;
  hasRevlog: boolean;
  hasConfig: boolean;
  /** cards.odid exists (original deck of a card in a filtered deck; missing in very old collections). */
  hasOdid: boolean;
}

/** Runs a query and returns all rows; SQLite errors become `anki.db-damaged`. */
export function allRows(db: Database, sql: string): SqlValue[][] {
  try {
    return db.exec(sql)[0]?.values ?? [];
  } catch (e) {
    throw damaged(e);
  }
}

/**
 * Anki registers a `unicase` collation on its connections (rslib/src/storage/sqlite.rs) and declares the name columns
 * of notetypes, fields, templates, decks, tags and deck_config with it. sql.js cannot register collations, and
 * SQLite cannot even scan a WITHOUT ROWID table (fields, templates) whose key record uses an unknown one. The reader
 * works on its own in-memory copy, so it renames the collation to the built-in `nocase` in that copy's schema and
 * reloads it (`writable_schema = reset`). Only the declared collation changes; no data is touched, and the reader
 * never sorts or compares by these columns.
 */
function swapUnicaseCollation(db: Database): void {
  const rows = allRows(db, "select rowid, sql from sqlite_master where sql like '%unicase%'");
  if (rows.length === 0) return;
  try {
    db.run('pragma writable_schema = 1');
    for (const [rowid, sql] of rows) {
      db.run('update sqlite_master set sql = ? where rowid = ?', [
        String(sql).replace(/\bunicase\b/gi, 'nocase'),
        rowid ?? null,
      ]);
    }
    db.run('pragma writable_schema = reset');
  } catch (e) {
    throw damaged(e);
  }
}

export function openCollection(sql: SqlJsStatic, bytes: Uint8Array): OpenCollection {
  if (!looksLikeSqlite(bytes)) throw collectionError('anki.not-sqlite');
  let db: Database;
  try {
    db = new sql.Database(bytes);
  } catch (e) {
    throw damaged(e);
  }
  try {
    swapUnicaseCollation(db);
    const kinds = new Map<string, string>();
    for (const [name, type] of allRows(db, 'select name, type from sqlite_master'))
      kinds.set(String(name), String(type));
    const table = (name: string) => kinds.get(name) === 'table';
    for (const name of ['notes', 'col', 'cards']) {
      if (!kinds.has(name)) throw collectionError('anki.not-collection', { table: name });
    }
    const modern = kinds.has('notetypes');
    const hasRevlog = kinds.has('revlog');
    const hasConfig = kinds.has('config');
    const used = [
      'col',
      'notes',
      'cards',
      ...(hasRevlog ? ['revlog'] : []),
      ...(modern ? ['notetypes', 'fields', 'templates', 'decks'] : []),
      ...(hasConfig ? ['config'] : []),
    ];
    let hasOdid = false;
    for (const name of used) {
      if (!table(name)) throw collectionError('anki.not-a-table', { table: name });
      // table_xinfo: cid, name, type, notnull, dflt_value, pk, hidden (2/3 = generated column).
      const cols = allRows(db, `pragma table_xinfo("${name}")`);
      if (cols.some((c) => c[6] === 2 || c[6] === 3)) throw collectionError('anki.computed-columns', { table: name });
      const names = new Set(cols.map((c) => String(c[1]).toLowerCase()));
      const missing = (REQUIRED[name] ?? []).filter((c) => !names.has(c.toLowerCase()));
      if (missing.length > 0) throw collectionError('anki.missing-columns', { table: name, columns: missing });
      if (name === 'cards') hasOdid = names.has('odid');
    }
    return { db, modern, hasRevlog, hasConfig, hasOdid };
  } catch (e) {
    db.close();
    throw e;
  }
}
