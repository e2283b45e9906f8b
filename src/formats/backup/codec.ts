// Backup bytes: JSON (binary values as base64) compressed with gzip, and the checks that turn a damaged, foreign
// or too-new file into issues (src/domain/issue.ts) before anything is written.
import { Gunzip, gzipSync, strToU8 } from 'fflate';
import { IssueError } from '../../domain/errors';
import type { Issue, IssueCode, IssueParams, IssuePlace } from '../../domain/issue';
import { IMPORT_LIMITS } from '../import/draft';
import { moreIssues } from '../import/progress';
import { parseValue, pathToField } from '../zod-issues';
import {
  BACKUP_FORMAT,
  BACKUP_ROW_SCHEMAS,
  BinaryData,
  anyRowSchema,
  backupEnvelopeSchema,
  type BackupFile,
  type BackupRow,
} from './schema';
import { migrateBackupTables } from './migrate';
import { crc32, fromBase64, toBase64 } from '../bytes';

/**
 * Why a backup cannot be restored: an `IssueError` whose first issue says what is wrong with the file (a `backup.*`
 * code), followed by the rows and fields at fault when there are some.
 */
function refuse(file: string, code: IssueCode, params?: IssueParams, details: Issue[] = []): IssueError {
  return new IssueError([{ file, code, ...(params === undefined ? {} : { params }) }, ...details]);
}

/** How binary values are written in the JSON: `{"$binary": "<base64>", "type": "image/png"}` (type null for bytes). */
const BINARY_KEY = '$binary';

export function encodeBackup(file: BackupFile): Uint8Array {
  const json = JSON.stringify(file, (_key, value: unknown) =>
    value instanceof BinaryData ? { [BINARY_KEY]: toBase64(value.bytes), type: value.type } : value,
  );
  return gzipSync(strToU8(json), { level: 6, mtime: 0 });
}

/** Thrown from inside JSON.parse (which cannot take a file name along) and given the file by `readJson`. */
class BadBinary extends Error {}

function reviveBinary(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length !== 2 || typeof v[BINARY_KEY] !== 'string' || !(typeof v.type === 'string' || v.type === null))
    return value;
  try {
    return new BinaryData(fromBase64(v[BINARY_KEY]), v.type);
  } catch {
    throw new BadBinary();
  }
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Gunzips with a size cap, then checks the trailer's CRC-32 and length: a cut-off or altered file is caught here. */
function gunzipChecked(file: string, bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Gunzip((chunk) => {
    size += chunk.length;
    if (size > IMPORT_LIMITS.maxUnzippedBytes) throw refuse(file, 'backup.too-large');
    chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch (e) {
    if (e instanceof IssueError) throw e;
    throw refuse(file, 'backup.not-gzip');
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  if (bytes.length < 18) throw refuse(file, 'backup.incomplete');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crc = view.getUint32(bytes.length - 8, true);
  const length = view.getUint32(bytes.length - 4, true);
  if (crc !== crc32(out) || length !== out.length % 2 ** 32) throw refuse(file, 'backup.checksum');
  return out;
}

/** Bytes → JSON value: gzip or plain JSON text; anything else is not a backup. */
function readJson(file: string, bytes: Uint8Array): unknown {
  if (bytes.length === 0) throw refuse(file, 'backup.empty');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw refuse(file, 'backup.too-large');
  const gz = isGzip(bytes);
  const data = gz ? gunzipChecked(file, bytes) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw refuse(file, gz ? 'backup.not-utf8' : 'backup.not-backup');
  }
  if (!gz && !text.trimStart().startsWith('{')) throw refuse(file, 'backup.not-backup');
  try {
    return JSON.parse(text, reviveBinary);
  } catch (e) {
    if (e instanceof BadBinary) throw refuse(file, 'backup.bad-base64');
    // Broken JSON that starts like one of our backups is a damaged backup; other broken JSON is simply not ours.
    const ours = gz || /^\s*\{\s*"format"\s*:\s*"dockdeck\/backup@/.test(text.slice(0, 200));
    throw refuse(file, ours ? 'backup.broken-json' : 'backup.not-json');
  }
}

/** A backup row's place: its table, its number (from 1) and its id or key, to find it by. */
function rowPlace(table: string, index: number, row: unknown): IssuePlace {
  const r = row as Record<string, unknown> | null;
  const ref = typeof r?.id === 'string' ? { id: r.id } : typeof r?.key === 'string' ? { key: r.key } : {};
  return { table, row: index + 1, ...ref };
}

/** A backup ready to restore: rows in the app's schema version, with what the confirm dialog shows. */
export interface DecodedBackup extends BackupFile {
  /** The version the file was written in (older files were migrated to `schemaVersion`). */
  sourceVersion: number;
  /** Rows per table, e.g. `{ decks: 3, cards: 412, reviewLogs: 1203, … }`. */
  counts: Record<string, number>;
}

export interface DecodeContext {
  /** The file's name, named in every issue. */
  file?: string;
  /** The database version of this app (`db.verno`). */
  version: number;
  /** The app's table names: a backup table outside them is refused. */
  tables: readonly string[];
}

/**
 * The one door for backups: bytes in, a validated backup in the app's current schema version out (older backups
 * are migrated), or an `IssueError` saying what is wrong. Nothing is written here.
 */
export function decodeBackup(bytes: Uint8Array, ctx: DecodeContext): DecodedBackup {
  const file = ctx.file ?? 'backup';
  const raw = readJson(file, bytes);
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format === 'dockdeck/deck@1') throw refuse(file, 'backup.deck-file');
  if (typeof format === 'string' && /^dockdeck\/backup@\d+$/.test(format) && format !== BACKUP_FORMAT)
    throw refuse(file, 'backup.newer-format', { format });
  if (format !== BACKUP_FORMAT) throw refuse(file, 'backup.not-backup');
  const envelope = parseValue(backupEnvelopeSchema, raw);
  if (!envelope.ok) {
    const fields = envelope.issues.map(({ path, ...i }): Issue => ({ file, field: pathToField(path), ...i }));
    throw refuse(file, 'backup.bad-header', undefined, fields);
  }
  const { schemaVersion, createdAt } = envelope.data;
  if (schemaVersion > ctx.version)
    throw refuse(file, 'backup.newer-version', { version: schemaVersion, appVersion: ctx.version });
  const migrated = migrateBackupTables(envelope.data.tables, schemaVersion, ctx.version);
  const known = new Set(ctx.tables);
  const details: Issue[] = [];
  const tables: Record<string, BackupRow[]> = {};
  for (const [name, rows] of Object.entries(migrated)) {
    if (!known.has(name)) {
      details.push({ file, place: { table: name }, code: 'backup.unknown-table' });
      continue;
    }
    const schema = BACKUP_ROW_SCHEMAS[name] ?? anyRowSchema;
    tables[name] = rows.map((row, i) => {
      const r = parseValue(schema, row);
      if (r.ok) return r.data;
      const place = rowPlace(name, i, row);
      for (const { path, ...issue } of r.issues)
        details.push({ file, place, ...(path.length === 0 ? {} : { field: pathToField(path) }), ...issue });
      return row;
    });
  }
  if (details.length > 0) {
    const shown = details.slice(0, IMPORT_LIMITS.maxListedIssues);
    if (details.length > shown.length) shown.push(moreIssues(file, details.length - shown.length));
    throw refuse(file, 'backup.bad-rows', undefined, shown);
  }
  const counts = Object.fromEntries(ctx.tables.map((t) => [t, tables[t]?.length ?? 0]));
  return { format: BACKUP_FORMAT, schemaVersion: ctx.version, createdAt, tables, sourceVersion: schemaVersion, counts };
}

/** A file name with the date, e.g. `dockdeck-backup-2026-03-02.json.gz` (UTC date of `now`). */
export function backupFileName(now: number): string {
  return `dockdeck-backup-${new Date(now).toISOString().slice(0, 10)}.json.gz`;
}
