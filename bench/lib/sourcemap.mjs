// Attributes the bytes of a built JS file to npm packages (or src/) through its source map, to explain bundle size.
import { readFile } from 'node:fs/promises';

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeSegment(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = B64.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** `../../node_modules/@scope/name/x.js` → `@scope/name`; app sources → `src`; anything else → `other`. */
export function packageOf(source) {
  const i = source.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = source.slice(i + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (/(^|\/)src\//.test(source)) return 'src';
  return 'other';
}

/**
 * Characters of the minified file per package, from the mappings (each mapped segment owns the characters up to
 * the next one). Returns [[package, bytes]] biggest first, or null when the file has no readable map.
 */
export async function bytesByPackage(jsPath) {
  let code;
  let map;
  try {
    code = await readFile(jsPath, 'utf8');
    map = JSON.parse(await readFile(`${jsPath}.map`, 'utf8'));
  } catch {
    return null;
  }
  if (typeof map.mappings !== 'string' || !Array.isArray(map.sources)) return null;
  const lines = code.split('\n');
  const totals = new Map();
  const add = (key, n) => totals.set(key, (totals.get(key) ?? 0) + n);
  let src = 0;
  map.mappings.split(';').forEach((line, lineNo) => {
    const length = (lines[lineNo] ?? '').length + 1;
    let col = 0;
    let prev = null;
    for (const seg of line.split(',')) {
      if (seg === '') continue;
      const f = decodeSegment(seg);
      col += f[0];
      if (f.length >= 4) src += f[1];
      if (prev) add(prev.key, col - prev.col);
      prev = { col, key: f.length >= 4 ? packageOf(map.sources[src] ?? '') : 'unmapped' };
    }
    if (prev) add(prev.key, Math.max(0, length - prev.col));
    else add('unmapped', length);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}
