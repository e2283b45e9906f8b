// A minimal protobuf reader for the few Anki messages the package reader needs (package meta, media list, note
// type / template / deck configs). Only the wire format: varints and length-delimited fields; fixed 32/64-bit fields
// are skipped; groups (deprecated, never used by Anki) are an error. Field numbers come from the .proto files in the
// Anki repository (proto/anki/import_export.proto, notetypes.proto, decks.proto).

export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

export type ProtoField = { wire: 0; value: number } | { wire: 2; value: Uint8Array };

/** A decoded message: field number → every occurrence, in order (repeated fields have several). */
export type ProtoMessage = Map<number, ProtoField[]>;

const decoder = new TextDecoder('utf-8');

/**
 * Reads a base-128 varint at `pos`. Values above 2^53 lose precision (Anki's ids and enums never get there; a
 * hostile value only gives a wrong number, never a crash). More than 10 bytes is malformed.
 */
export function readVarint(buf: Uint8Array, pos: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const b = buf[pos + i];
    if (b === undefined) throw new ProtobufError('truncated varint');
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return { value, next: pos + i + 1 };
    scale *= 128;
  }
  throw new ProtobufError('varint longer than 10 bytes');
}

/** Decodes one message level. Nested messages stay bytes until `decodeMessage` is called on them. */
export function decodeMessage(buf: Uint8Array): ProtoMessage {
  const out: ProtoMessage = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const key = readVarint(buf, pos);
    pos = key.next;
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field < 1) throw new ProtobufError('field number 0');
    let entry: ProtoField | undefined;
    switch (wire) {
      case 0: {
        const v = readVarint(buf, pos);
        pos = v.next;
        entry = { wire: 0, value: v.value };
        break;
      }
      case 1:
        pos += 8;
        break;
      case 2: {
        const len = readVarint(buf, pos);
        const end = len.next + len.value;
        if (end > buf.length) throw new ProtobufError(`field ${field} runs past the end of the message`);
        entry = { wire: 2, value: buf.subarray(len.next, end) };
        pos = end;
        break;
      }
      case 5:
        pos += 4;
        break;
      default:
        throw new ProtobufError(`unsupported wire type ${wire} (field ${field})`);
    }
    if (pos > buf.length) throw new ProtobufError(`field ${field} runs past the end of the message`);
    if (entry) {
      const list = out.get(field);
      if (list) list.push(entry);
      else out.set(field, [entry]);
    }
  }
  return out;
}

function last(msg: ProtoMessage, field: number): ProtoField | undefined {
  const list = msg.get(field);
  // Protobuf: for a non-repeated field, the last occurrence wins.
  return list?.[list.length - 1];
}

/** A varint field (int32, int64, uint32, bool, enum); proto3 default 0 when absent. */
export function varintField(msg: ProtoMessage, field: number): number {
  const f = last(msg, field);
  if (f === undefined) return 0;
  if (f.wire !== 0) throw new ProtobufError(`field ${field} should be a number`);
  return f.value;
}

export function bytesField(msg: ProtoMessage, field: number): Uint8Array | undefined {
  const f = last(msg, field);
  if (f === undefined) return undefined;
  if (f.wire !== 2) throw new ProtobufError(`field ${field} should be length-delimited`);
  return f.value;
}

/** A string field; proto3 default '' when absent. */
export function stringField(msg: ProtoMessage, field: number): string {
  const b = bytesField(msg, field);
  return b === undefined ? '' : decoder.decode(b);
}

/** Every occurrence of a repeated message field, still encoded. */
export function repeatedBytes(msg: ProtoMessage, field: number): Uint8Array[] {
  return (msg.get(field) ?? []).map((f) => {
    if (f.wire !== 2) throw new ProtobufError(`field ${field} should be length-delimited`);
    return f.value;
  });
}

/** Nested message field, decoded; undefined when absent. */
export function messageField(msg: ProtoMessage, field: number): ProtoMessage | undefined {
  const b = bytesField(msg, field);
  return b === undefined ? undefined : decodeMessage(b);
}
