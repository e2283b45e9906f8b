// Note types and decks of a current collection (collection.anki21b, schema 18): tables instead of JSON.
// Tables from rslib/src/storage/upgrades/schema15_upgrade.sql: `notetypes(id, name, config)`, `fields(ntid, ord,
// name, config)`, `templates(ntid, ord, name, config)`, `decks(id, name, common, kind)`; names are in columns, the
// rest in protobuf blobs (proto/anki/notetypes.proto, proto/anki/decks.proto):
//   Notetype.Config       kind = 1 (0 normal, 1 cloze), sort_field_idx = 2, css = 3
//   Template.Config       q_format = 1, a_format = 2
//   Deck.KindContainer    normal = 1 (Deck.Normal: description = 4), filtered = 2
// Deck names use "\x1f" between levels (rslib/src/decks/name.rs, NativeDeckName). Name columns use Anki's `unicase`
// collation, which sql.js does not have: queries never compare or sort on them.
import type { Database } from 'sql.js';
import type { IssueCode } from '../../domain/issue';
import {
  allRows,
  collectionError,
  type AnkiDeckInfo,
  type AnkiNotetype,
  type AnkiSchema,
  type AnkiTemplate,
} from './collection';
import { decodeMessage, messageField, stringField, varintField, type ProtoMessage } from './protobuf';

function blob(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(0);
}

/** A settings blob, decoded; `code` says whose settings are damaged when it cannot be. */
function decodeOr(v: unknown, code: IssueCode, name: string): ProtoMessage {
  try {
    return decodeMessage(blob(v));
  } catch (e) {
    throw collectionError(code, { name, detail: e instanceof Error ? e.message : String(e) });
  }
}

export function readModernSchema(db: Database, hasConfig: boolean): AnkiSchema {
  const notetypes = new Map<string, AnkiNotetype>();
  for (const [id, name, config] of allRows(db, 'select cast(id as text), name, config from notetypes')) {
    const ntName = String(name);
    const conf = decodeOr(config, 'anki.notetype-damaged', ntName);
    notetypes.set(String(id), {
      id: String(id),
      name: ntName,
      cloze: varintField(conf, 1) === 1,
      fields: [],
      templates: [],
      css: stringField(conf, 3),
      sortField: varintField(conf, 2),
    });
  }

  const fields = new Map<string, { ord: number; name: string }[]>();
  for (const [ntid, ord, name] of allRows(db, 'select cast(ntid as text), ord, name from fields')) {
    const list = fields.get(String(ntid)) ?? [];
    list.push({ ord: Number(ord), name: String(name) });
    fields.set(String(ntid), list);
  }
  const templates = new Map<string, AnkiTemplate[]>();
  for (const [ntid, ord, name, config] of allRows(db, 'select cast(ntid as text), ord, name, config from templates')) {
    const conf = decodeOr(config, 'anki.template-damaged', String(name));
    const list = templates.get(String(ntid)) ?? [];
    list.push({ ord: Number(ord), name: String(name), qfmt: stringField(conf, 1), afmt: stringField(conf, 2) });
    templates.set(String(ntid), list);
  }
  for (const nt of notetypes.values()) {
    nt.fields = (fields.get(nt.id) ?? []).sort((a, b) => a.ord - b.ord).map((f) => f.name);
    nt.templates = (templates.get(nt.id) ?? []).sort((a, b) => a.ord - b.ord);
  }

  const decks = new Map<string, AnkiDeckInfo>();
  for (const [id, name, kind] of allRows(db, 'select cast(id as text), name, kind from decks')) {
    const human = String(name).replaceAll('\x1f', '::');
    const container = decodeOr(kind, 'anki.deck-damaged', human);
    let description = '';
    try {
      const normal = messageField(container, 1);
      description = normal ? stringField(normal, 4) : '';
    } catch {
      // A damaged description is not worth failing the import for.
    }
    decks.set(String(id), { id: String(id), name: human, description, filtered: container.has(2) });
  }

  let schedV1 = false;
  if (hasConfig) {
    // config.val holds JSON bytes; `key` has no unicase collation, so it can be compared in SQL.
    const val = allRows(db, "select val from config where key = 'schedVer'")[0]?.[0];
    const text = val instanceof Uint8Array ? new TextDecoder().decode(val) : String(val ?? '');
    schedV1 = text.trim() === '1';
  }
  return { notetypes, decks, schedV1 };
}
