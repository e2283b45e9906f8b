// Plain-text CSV cells, escaped for the card renderer, show exactly as written (rendered through the real renderer).
// @vitest-environment jsdom
import { plainTextToMarkdown, slugify } from '../../src/formats/csv/plain-text';
import { renderCardHtml } from '../../src/ui/card-text';

function shown(text: string): { text: string; html: string } {
  const div = document.createElement('div');
  div.innerHTML = renderCardHtml(plainTextToMarkdown(text));
  return { text: (div.textContent ?? '').replace(/\n$/, ''), html: div.innerHTML.trim() };
}

test.each([
  'a < b && c > d',
  '2 * 3 * 4 = 24',
  'snake_case_name and __init__',
  '# not a heading',
  '- not a list',
  '+ not a list either',
  '1. not numbered',
  '=== not a rule',
  '> not a quote',
  '`not code`',
  '[not](a link)',
  '![not](an image)',
  'a | b | c',
  '~~not struck~~',
  'back\\slash',
  '&amp; stays &amp;',
  '<img src=x onerror=alert(1)>',
  '    four spaces first',
])('"%s" is shown as written', (cell) => {
  const r = shown(cell);
  // One paragraph of text, nothing else: no heading, list, code, link, image or element made from the cell.
  expect(r.html).toMatch(/^<p>[^<]*<\/p>$/);
  expect(r.text.replace(/\u00a0/g, ' ')).toBe(cell);
});

test('line breaks in a cell become <br>, so no later line starts a block', () => {
  expect(plainTextToMarkdown('one\n- two\r\n# three')).toBe('one<br>- two<br># three');
  expect(shown('one\n- two').html).toBe('<p>one<br>- two</p>');
});

test('cloze markers are left alone', () => {
  expect(plainTextToMarkdown('{{c1::Paris::city}} is *big*')).toBe('{{c1::Paris::city}} is \\*big\\*');
});

test('slugify: accents folded, other characters become dashes', () => {
  expect(slugify('Default::Spanish Verbs')).toBe('default-spanish-verbs');
  expect(slugify('Café déjà vu!')).toBe('cafe-deja-vu');
  expect(slugify('日本語')).toBe('');
});
