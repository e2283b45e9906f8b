// Backup bytes: JSON (binary values as base64) compressed with gzip, and the checks that turn a damaged, foreign
// or too-new file into one clear message before anything is written.
import { Gunzip, gzipSync, strToU8 } from 'fflate';
import type { z } from 'zod';
import { IMPORT_LIMITS } from '../import/draft';
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

export type BackupErrorCode = 'not-backup' | 'damaged' | 'newer-version' | 'invalid-row' | 'too-large';

/** Why a backup cannot be restored. `code` picks the translated message; `message` is the English one. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  readonly details: string[];
  constructor(code: BackupErrorCode, message: string, details: string[] = []) {
    super(details.length > 0 ? `${message}\n${details.join('\n')}` : message);
    this.name = 'BackupError';
    this.code = code;
    this.details = details;
  }
}

/** How binary values are written in the JSON: `{"$binary": "<base64>", "type": "image/png"}` (type null for bytes). */
const BINARY_KEY = '$binary';

export function encodeBackup(file: BackupFile): Uint8Array {
  const json = JSON.stringify(file, (_key, value: unknown) =>
    value instanceof BinaryData ? { [BINARY_KEY]: toBase64(value.bytes), type: value.type } : value,
  );
  return gzipSync(strToU8(json), { level: 6, mtime: 0 });
}

function reviveBinary(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length !== 2 || typeof v[BINARY_KEY] !== 'string' || !(typeof v.type === 'string' || v.type === null))
    return value;
  try {
    return new BinaryData(fromBase64(v[BINARY_KEY]), v.type);
  } catch {
    throw new BackupError('damaged', 'The backup holds a file whose data is damaged (not valid base64).');
  }
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Gunzips with a size cap, then checks the trailer's CRC-32 and length: a cut-off or altered file is caught here. */
function gunzipChecked(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Gunzip((chunk) => {
    size += chunk.length;
    if (size > IMPORT_LIMITS.maxUnzippedBytes)
      throw new BackupError('too-large', 'The backup is too large to restore in the browser.');
    chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('damaged', 'The backup file is damaged or incomplete (it could not be decompressed).');
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  if (bytes.length < 18) throw new BackupError('damaged', 'The backup file is damaged or incomplete.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crc = view.getUint32(bytes.length - 8, true);
  const length = view.getUint32(bytes.length - 4, true);
  if (crc !== crc32(out) || length !== out.length % 2 ** 32)
    throw new BackupError('damaged', 'The backup file is damaged or incomplete (its checksum does not match).');
  return out;
}

/** Bytes → JSON value: gzip or plain JSON text; anything else is not a backup. */
function readJson(bytes: Uint8Array): unknown {
  if (bytes.length === 0) throw new BackupError('not-backup', 'The file is empty.');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes)
    throw new BackupError('too-large', 'The file is too large to restore in the browser.');
  const gz = isGzip(bytes);
  const data = gz ? gunzipChecked(bytes) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new BackupError(
      gz ? 'damaged' : 'not-backup',
      gz ? 'The backup file is damaged (its text is not UTF-8).' : 'This file is not a dockdeck backup.',
    );
  }
  if (!gz && !text.trimStart().startsWith('{'))
    throw new BackupError('not-backup', 'This file is not a dockdeck backup.');
  try {
    return JSON.parse(text, reviveBinary);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // Broken JSON that starts like one of our backups is a damaged backup; other broken JSON is simply not ours.
    const ours = gz || /^\s*\{\s*"format"\s*:\s*"dockdeck\/backup@/.test(text.slice(0, 200));
    throw new BackupError(
      ours ? 'damaged' : 'not-backup',
      ours
        ? 'The backup file is damaged or incomplete (its JSON is cut off or broken).'
        : 'This file is not a dockdeck backup (it is not valid JSON).',
    );
  }
}

function issueLines(table: string, index: number, row: unknown, error: z.ZodError): string[] {
  const r = row as Record<string, unknown> | null;
  const key = typeof r?.id === 'string' ? ` (id "${r.id}")` : typeof r?.key === 'string' ? ` (key "${r.key}")` : '';
  return error.issues.map(
    (i) => `table "${table}", row ${index + 1}${key}, field "${i.path.join('.') || '(row)'}": ${i.message}`,
  );
}

/** A backup ready to restore: rows in the app's schema version, with what the confirm dialog shows. */
export interface DecodedBackup extends BackupFile {
  /** The version the file was written in (older files were migrated to `schemaVersion`). */
  sourceVersion: number;
  /** Rows per table, e.g. `{ decks: 3, cards: 412, reviewLogs: 1203, … }`. */
  counts: Record<string, number>;
}

export interface DecodeContext {
  /** The database version of this app (`db.verno`). */
  version: number;
  /** The app's table names: a backup table outside them is refused. */
  tables: readonly string[];
}

/**
 * The one door for backups: bytes in, a validated backup in the app's current schema version out (older backups
 * are migrated), or a `BackupError` saying what is wrong. Nothing is written here.
 */
export function decodeBackup(bytes: Uint8Array, ctx: DecodeContext): DecodedBackup {
  const raw = readJson(bytes);
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format === 'dockdeck/deck@1')
    throw new BackupError('not-backup', 'This is a deck file, not a backup: import it from the library instead.');
  if (typeof format === 'string' && /^dockdeck\/backup@\d+$/.test(format) && format !== BACKUP_FORMAT)
    throw new BackupError(
      'newer-version',
      `This backup was written in a newer format (${format}). Update dockdeck to restore it.`,
    );
  if (format !== BACKUP_FORMAT) throw new BackupError('not-backup', 'This file is not a dockdeck backup.');
  const envelope = backupEnvelopeSchema.safeParse(raw);
  if (!envelope.success)
    throw new BackupError(
      'invalid-row',
      'The backup is damaged: its header is not valid.',
      envelope.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`),
    );
  const { schemaVersion, createdAt } = envelope.data;
  if (schemaVersion > ctx.version)
    throw new BackupError(
      'newer-version',
      `This backup comes from a newer version of dockdeck (database version ${schemaVersion}; this app has ${ctx.version}). Update the app to restore it.`,
    );
  const migrated = migrateBackupTables(envelope.data.tables, schemaVersion, ctx.version);
  const known = new Set(ctx.tables);
  const details: string[] = [];
  const tables: Record<string, BackupRow[]> = {};
  for (const [name, rows] of Object.entries(migrated)) {
    if (!known.has(name)) {
      details.push(`table "${name}" is not a table of this app`);
      continue;
    }
    const schema = BACKUP_ROW_SCHEMAS[name] ?? anyRowSchema;
    tables[name] = rows.map((row, i) => {
      const r = schema.safeParse(row);
      if (r.success) return r.data;
      details.push(...issueLines(name, i, row, r.error));
      return row;
    });
  }
  if (details.length > 0) {
    const shown = details.slice(0, IMPORT_LIMITS.maxListedIssues);
    if (details.length > shown.length) shown.push(`… and ${details.length - shown.length} more`);
    throw new BackupError('invalid-row', 'The backup cannot be restored: some rows are not valid.', shown);
  }
  const counts = Object.fromEntries(ctx.tables.map((t) => [t, tables[t]?.length ?? 0]));
  return { format: BACKUP_FORMAT, schemaVersion: ctx.version, createdAt, tables, sourceVersion: schemaVersion, counts };
}

/** A file name with the date, e.g. `dockdeck-backup-2026-03-02.json.gz` (UTC date of `now`). */
export function backupFileName(now: number): string {
  return `dockdeck-backup-${new Date(now).toISOString().slice(0, 10)}.json.gz`;
}
