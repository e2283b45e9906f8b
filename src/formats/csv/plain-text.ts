// Turns plain text (a CSV cell marked `#html:false`) into card text that the Markdown + HTML renderer shows exactly as written.
const MARKDOWN = /[\\`*_[\]|~]/g;
const NEEDS_ESCAPE = /[&<>\\`*_[\]|~\r\n]|^[ \t#=+-]|^\d+[.)]/;

/**
 * Card text is Markdown with HTML (see src/ui/card-text.tsx), so `a < b`, `2 * 3 * 4` or `# 1` in a plain
 * cell would be read as markup. HTML characters become entities, Markdown punctuation is backslash-escaped,
 * line breaks become `<br>` (so no later line can start a list or heading), leading spaces stay visible, and
 * a block marker at the very start is escaped. Cloze markers (`{{c1::…}}`) are left alone.
 */
export function plainTextToMarkdown(text: string): string {
  // Most cells need nothing: skip the seven passes (and their garbage) for them.
  if (!NEEDS_ESCAPE.test(text)) return text;
  const lines = text.split(/\r\n|\r|\n/).map((line) =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN, '\\$&')
      // Leading spaces would start an indented code block.
      .replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    ').replace(/ /g, '&nbsp;')),
  );
  return lines
    .join('<br>')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^[#=+-]/, '\\$&');
}

/** Lower-case ASCII slug (`Default::Spanish Verbs` → `default-spanish-verbs`), at most `max` characters; may be empty. */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}
