// Builds Anki collections and packages in memory, the way Anki writes them, for the package reader's tests.
// Legacy (schema 11, rslib/src/storage/schema11.sql): note types and decks as JSON in `col`; package = deflated zip
// with collection.anki2 or collection.anki21, a JSON `media` map {"0": "name"} and media files "0", "1"…
// Current (schema 18, rslib/src/storage/upgrades/schema14..18_upgrade.sql): notetypes/fields/templates/decks tables
// with protobuf configs; package (rslib/src/import_export/package/colpkg/export.rs) = stored zip with `meta`
// (PackageMetadata{version: 3}), collection.anki21b (zstd), a dummy collection.anki2, media files "0", "1"… (zstd)
// and `media` (zstd protobuf MediaEntries).
import { createHash } from 'node:crypto';
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';
import { zipSync, type Zippable } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';

export interface BuildTemplate {
  name: string;
  qfmt: string;
  afmt: string;
}

export interface BuildNotetype {
  id: number;
  name: string;
  cloze?: boolean;
  fields: string[];
  templates: BuildTemplate[];
  /** The note type's stylesheet; default '' (legacy) or '.card {}' (current). */
  css?: string;
  /** Index of the field Anki sorts by; default 0. */
  sortField?: number;
}

export interface BuildDeck {
  id: number;
  /** Human name, `Parent::Child`. */
  name: string;
  filtered?: boolean;
  description?: string;
}

export interface BuildCard {
  id: number;
  ord: number;
  deck: number;
  /** Original deck when the card sits in a filtered deck. */
  odid?: number;
}

export interface BuildNote {
  id: number;
  guid: string;
  mid: number;
  fields: string[];
  tags?: string[];
  cards: BuildCard[];
}

export interface BuildRevlog {
  id: number;
  cid: number;
  ease: number;
  /** Interval after the entry: days, or negative seconds. Default 0. */
  ivl?: number;
  /** Milliseconds. */
  time: number;
  type: number;
}

export interface BuildCollection {
  notetypes: BuildNotetype[];
  decks: BuildDeck[];
  notes: BuildNote[];
  revlog?: BuildRevlog[];
  /** Written to `conf` (legacy) or the config table (current); default 2. */
  schedVer?: number;
}

export interface BuildMedia {
  name: string;
  data: Uint8Array;
}

// The stock note types (rslib/src/notetype/stock.rs), English names.
const answer = (field: string) => `{{FrontSide}}\n\n<hr id=answer>\n\n{{${field}}}`;
export const STOCK = {
  basic: (id: number): BuildNotetype => ({
    id,
    name: 'Basic',
    fields: ['Front', 'Back'],
    templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: answer('Back') }],
  }),
  reversed: (id: number): BuildNotetype => ({
    id,
    name: 'Basic (and reversed card)',
    fields: ['Front', 'Back'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: answer('Back') },
      { name: 'Card 2', qfmt: '{{Back}}', afmt: answer('Front') },
    ],
  }),
  optionalReversed: (id: number): BuildNotetype => ({
    id,
    name: 'Basic (optional reversed card)',
    fields: ['Front', 'Back', 'Add Reverse'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: answer('Back') },
      { name: 'Card 2', qfmt: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', afmt: answer('Front') },
    ],
  }),
  typing: (id: number): BuildNotetype => ({
    id,
    name: 'Basic (type in the answer)',
    fields: ['Front', 'Back'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' },
    ],
  }),
  cloze: (id: number): BuildNotetype => ({
    id,
    name: 'Cloze',
    cloze: true,
    fields: ['Text', 'Back Extra'],
    templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
  }),
};

// A minimal protobuf writer: varints and length-delimited fields.
function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}
export function pbVarint(field: number, value: number): Uint8Array {
  return new Uint8Array([...varint(field * 8), ...varint(value)]);
}
export function pbBytes(field: number, value: Uint8Array | string): Uint8Array {
  const b = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return new Uint8Array([...varint(field * 8 + 2), ...varint(b.length), ...b]);
}
export function pbConcat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const SCHEMA11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

// Schema 14, 15, 17 and 18 additions. Anki's `unicase` collation does not exist in sql.js: the tables are made with
// `nocase` and the schema text is then rewritten, so the file says exactly what Anki's does.
const SCHEMA18 = `
create table deck_config (id integer primary key not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null);
create table config (key text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
create table fields (ntid integer not null, ord integer not null, name text not null collate nocase, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_fields_name_ntid on fields (name, ntid);
create table templates (ntid integer not null, ord integer not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_templates_name_ntid on templates (name, ntid);
create index idx_templates_usn on templates (usn);
create table notetypes (id integer not null primary key, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null);
create unique index idx_notetypes_name on notetypes (name);
create index idx_notetypes_usn on notetypes (usn);
create table decks (name text not null primary key collate nocase, id integer not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
create unique index idx_decks_id on decks (id);
create table tags (id integer primary key not null, name text not null collate nocase, usn integer not null, config blob not null);
`;

function fillNotesCardsRevlog(db: Database, col: BuildCollection): void {
  db.run('begin');
  const note = db.prepare("insert into notes values (?, ?, ?, 0, -1, ?, ?, '', 0, 0, '')");
  const card = db.prepare("insert into cards values (?, ?, ?, ?, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0, '')");
  for (const n of col.notes) {
    const tags = n.tags && n.tags.length > 0 ? ` ${n.tags.join(' ')} ` : '';
    note.run([n.id, n.guid, n.mid, tags, n.fields.join('\x1f')]);
    for (const c of n.cards) card.run([c.id, n.id, c.deck, c.ord, c.odid ?? 0]);
  }
  note.free();
  card.free();
  const rev = db.prepare('insert into revlog values (?, ?, -1, ?, ?, 0, 0, ?, ?)');
  for (const r of col.revlog ?? []) rev.run([r.id, r.cid, r.ease, r.ivl ?? 0, r.time, r.type]);
  rev.free();
  db.run('commit');
}

/** A schema-11 collection (collection.anki2 / collection.anki21). */
export function buildLegacyCollection(SQL: SqlJsStatic, col: BuildCollection): Uint8Array {
  const db = new SQL.Database();
  db.run(SCHEMA11);
  const models = Object.fromEntries(
    col.notetypes.map((nt) => [
      String(nt.id),
      {
        id: nt.id,
        name: nt.name,
        type: nt.cloze ? 1 : 0,
        mod: 0,
        usn: -1,
        sortf: nt.sortField ?? 0,
        did: 1,
        css: nt.css ?? '',
        flds: nt.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20 })),
        tmpls: nt.templates.map((t, ord) => ({
          name: t.name,
          ord,
          qfmt: t.qfmt,
          afmt: t.afmt,
          did: null,
          bqfmt: '',
          bafmt: '',
        })),
      },
    ]),
  );
  const decks = Object.fromEntries(
    col.decks.map((d) => [
      String(d.id),
      { id: d.id, name: d.name, dyn: d.filtered ? 1 : 0, desc: d.description ?? '', conf: 1 },
    ]),
  );
  db.run("insert into col values (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')", [
    JSON.stringify({ schedVer: col.schedVer ?? 2 }),
    JSON.stringify(models),
    JSON.stringify(decks),
  ]);
  fillNotesCardsRevlog(db, col);
  const out = db.export();
  db.close();
  return out;
}

/** A schema-18 collection (collection.anki21b before compression). */
export function buildModernCollection(SQL: SqlJsStatic, col: BuildCollection): Uint8Array {
  const db = new SQL.Database();
  db.run(SCHEMA11);
  db.run(SCHEMA18);
  db.run("insert into col values (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
  db.run('insert into config values (?, 0, 0, ?)', ['schedVer', new TextEncoder().encode(String(col.schedVer ?? 2))]);
  for (const nt of col.notetypes) {
    // Notetype.Config: kind = 1 (1 = cloze), sort_field_idx = 2, css = 3 (a zero sort field is left out, as
    // protobuf leaves out default values).
    db.run('insert into notetypes values (?, ?, 0, -1, ?)', [
      nt.id,
      nt.name,
      pbConcat(
        pbVarint(1, nt.cloze ? 1 : 0),
        ...(nt.sortField ? [pbVarint(2, nt.sortField)] : []),
        pbBytes(3, nt.css ?? '.card {}'),
      ),
    ]);
    nt.fields.forEach((name, ord) =>
      db.run('insert into fields values (?, ?, ?, ?)', [nt.id, ord, name, pbBytes(3, 'Arial')]),
    );
    // Template.Config: q_format = 1, a_format = 2.
    nt.templates.forEach((t, ord) =>
      db.run('insert into templates values (?, ?, ?, 0, -1, ?)', [
        nt.id,
        ord,
        t.name,
        pbConcat(pbBytes(1, t.qfmt), pbBytes(2, t.afmt)),
      ]),
    );
  }
  for (const d of col.decks) {
    // Deck.KindContainer: normal = 1 (Deck.Normal: config_id = 1, description = 4) or filtered = 2.
    const kind = d.filtered
      ? pbBytes(2, pbVarint(1, 1))
      : pbBytes(1, pbConcat(pbVarint(1, 1), pbBytes(4, d.description ?? '')));
    db.run('insert into decks values (?, ?, 0, -1, ?, ?)', [
      d.name.replaceAll('::', '\x1f'),
      d.id,
      new Uint8Array(0),
      kind,
    ]);
  }
  fillNotesCardsRevlog(db, col);
  db.run(
    "pragma writable_schema = 1; update sqlite_master set sql = replace(sql, 'collate nocase', 'collate unicase'); pragma writable_schema = 0;",
  );
  const out = db.export();
  db.close();
  return out;
}

/** The dummy collection.anki2 Anki puts next to collection.anki21b for clients too old to read it. */
export function buildDummyCollection(SQL: SqlJsStatic): Uint8Array {
  return buildLegacyCollection(SQL, {
    notetypes: [STOCK.basic(1)],
    decks: [{ id: 1, name: 'Default' }],
    notes: [
      {
        id: 1,
        guid: 'dummy',
        mid: 1,
        fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
        cards: [{ id: 1, ord: 0, deck: 1 }],
      },
    ],
  });
}

let zstdReady: Promise<void> | undefined;
export async function zstd(data: Uint8Array): Promise<Uint8Array> {
  zstdReady ??= initZstd();
  await zstdReady;
  return compress(data, 3);
}

/** A current package (.apkg or .colpkg written by Anki 2.1.50+). */
export async function buildApkg(SQL: SqlJsStatic, col: BuildCollection, media: BuildMedia[] = []): Promise<Uint8Array> {
  const files: Zippable = {
    meta: [pbVarint(1, 3), { level: 0 }],
    'collection.anki21b': [await zstd(buildModernCollection(SQL, col)), { level: 0 }],
    'collection.anki2': [buildDummyCollection(SQL), { level: 0 }],
  };
  const entries: Uint8Array[] = [];
  for (const [i, m] of media.entries()) {
    files[String(i)] = [await zstd(m.data), { level: 0 }];
    const sha1 = new Uint8Array(createHash('sha1').update(m.data).digest());
    entries.push(pbBytes(1, pbConcat(pbBytes(1, m.name), pbVarint(2, m.data.length), pbBytes(3, sha1))));
  }
  files.media = [await zstd(pbConcat(...entries)), { level: 0 }];
  return zipSync(files);
}

/** A legacy package: collection.anki2 (Anki 2.0) or collection.anki21 (2.1 "support older versions"), deflated. */
export function buildLegacyApkg(
  SQL: SqlJsStatic,
  col: BuildCollection,
  media: BuildMedia[] = [],
  name: 'collection.anki2' | 'collection.anki21' = 'collection.anki2',
): Uint8Array {
  const files: Zippable = { [name]: buildLegacyCollection(SQL, col) };
  const map: Record<string, string> = {};
  for (const [i, m] of media.entries()) {
    files[String(i)] = m.data;
    map[String(i)] = m.name;
  }
  files.media = new TextEncoder().encode(JSON.stringify(map));
  return zipSync(files, { level: 6 });
}

export interface ZipDirEntry {
  name: string;
  /** Offset of the central directory header. */
  cen: number;
  /** Offset of the local file header. */
  loc: number;
}

/** The entries of a zip, with the offsets of their headers, so tests can damage them on purpose. */
export function zipDirectory(zip: Uint8Array): ZipDirEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: ZipDirEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, cen: p, loc: view.getUint32(p + 42, true) });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** Sets a 16- or 32-bit little-endian field in a copy of the bytes. */
export function patched(bytes: Uint8Array, edits: { at: number; value: number; size: 2 | 4 }[]): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const e of edits) {
    if (e.size === 2) view.setUint16(e.at, e.value, true);
    else view.setUint32(e.at, e.value, true);
  }
  return out;
}

/**
 * A zstd frame written by hand (RFC 8878), as a streaming encoder writes it: no content size, a window descriptor,
 * then blocks. `raw` blocks hold bytes; `rle` blocks repeat one byte `size` times.
 */
export function zstdFrame(blocks: ({ raw: Uint8Array } | { rle: number; size: number })[], windowLog = 17): Uint8Array {
  const out: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, (windowLog - 10) << 3];
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1 ? 1 : 0;
    const [type, size] = 'raw' in b ? [0, b.raw.length] : [1, b.size];
    const h = last | (type << 1) | (size << 3);
    out.push(h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff);
    if ('raw' in b) out.push(...b.raw);
    else out.push(b.rle);
  });
  return new Uint8Array(out);
}
