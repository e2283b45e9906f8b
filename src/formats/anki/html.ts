// Small HTML helpers for Anki field text: plain text (for typed answers and the `text:` filter), emptiness tests, the
// answer side without the repeated question, and the ruby filters. Written to stay linear on hostile input: a
// package's fields are untrusted, and a regex that rescans the rest of the text for every `<` or `[` could keep the
// import busy for minutes on one crafted field.

/** Anki's test for an empty field (rslib `field_is_empty`): only white space, `<br>` and `<div>` tags. */
export function fieldIsEmpty(html: string): boolean {
  return /^(?:\s|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(html);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<style>…</style>` and `<script>…</script>` removed in one pass; an unclosed one takes the rest, as in a browser. */
function withoutScripts(html: string): string {
  const lower = html.toLowerCase();
  if (!lower.includes('<style') && !lower.includes('<script')) return html;
  const open = /<(style|script)\b/g;
  let out = '';
  let i = 0;
  for (;;) {
    open.lastIndex = i;
    const m = open.exec(lower);
    if (!m) break;
    out += html.slice(i, m.index);
    const end = lower.indexOf(`</${m[1]}`, m.index);
    const close = end < 0 ? -1 : lower.indexOf('>', end);
    if (close < 0) return out;
    i = close + 1;
  }
  return out + html.slice(i);
}

/** Replaces every tag. A `<` with no `>` after it is text; splitting at the last `>` keeps the scan linear. */
function replaceTags(html: string, fn: (tag: string) => string): string {
  const last = html.lastIndexOf('>');
  if (last < 0) return html;
  return html.slice(0, last + 1).replace(/<[^>]*>/g, fn) + html.slice(last + 1);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BREAK = /^<(?:br|\/div|\/p|\/li|\/tr)\b/i;

/** HTML → plain text: tags out (a `<br>` or block end becomes a space), entities decoded, spaces folded. */
export function htmlToText(html: string): string {
  return replaceTags(withoutScripts(html), (tag) => (BREAK.test(tag) ? ' ' : ''))
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{1,10});/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when HTML shows nothing: no text once tags are removed, and no image, audio, video or `[sound:…]`. */
export function isBlankHtml(html: string): boolean {
  if (/<(?:img|audio|video|object|svg|math)\b|\[sound:[^\]]/i.test(html)) return false;
  // Called for every side of every card: tags and blank entities out is enough, no full decode.
  const rest = replaceTags(withoutScripts(html), () => '').replace(/&(?:nbsp|#160|#xa0|#8203|#x200b);|\u200b/gi, '');
  return rest.trim() === '';
}

/**
 * The answer side without what dockdeck already shows: Anki's answer repeats the question (`{{FrontSide}}`, rendered
 * as '') and then draws `<hr id=answer>`; both go, with the line breaks around them.
 */
export function answerOnly(html: string): string {
  return html.replace(/^(?:\s|<br\s*\/?>|<hr\s+id\s*=\s*["']?answer["']?\s*\/?>)+/i, '').trimEnd();
}

/**
 * The ruby filters (rslib/src/template_filters.rs: regex ` ?([^ >]+?)\[(.+?)\]`, `[sound:…]` left alone), as a
 * linear scan: `base[reading]`, where the base runs back from `[` to the previous space, `>` or line break and one
 * space before it is dropped; the reading stops at the first `]` on the same line.
 */
export function ruby(text: string, pick: (base: string, reading: string) => string): string {
  const src = text.replace(/&nbsp;/g, ' ');
  let out = '';
  let i = 0;
  for (;;) {
    const open = src.indexOf('[', i);
    if (open < 0) break;
    const close = src.indexOf(']', open + 1);
    if (close < 0) break;
    const newline = src.indexOf('\n', open + 1);
    let start = open;
    while (start > i && src[start - 1] !== ' ' && src[start - 1] !== '>' && src[start - 1] !== '\n') start--;
    if (close === open + 1 || (newline >= 0 && newline < close) || start === open) {
      out += src.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const reading = src.slice(open + 1, close);
    const space = start > i && src[start - 1] === ' ' ? 1 : 0;
    out +=
      src.slice(i, start - space) +
      (reading.startsWith('sound:') ? src.slice(start - space, close + 1) : pick(src.slice(start, open), reading));
    i = close + 1;
  }
  return out + src.slice(i);
}

/** Field text without HTML tags and media references, as Anki's `strip_html_media` leaves it (roughly). */
export function stripHtml(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<img[^>]*src=["']?([^"'>]+)["']?[^>]*>/gi, ' $1 ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}
