// @vitest-environment jsdom
// The one card renderer: Markdown kept, every kind of active content removed, the same result from its cache.
import { renderCardHtml } from '../../src/ui/card-text';

test.each([
  ['<script>alert(1)</script>ok', /<script/i],
  ['<img src=x onerror="alert(1)">', /onerror/i],
  ['[click](javascript:alert(1))', /javascript:/i],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
  ['<iframe src="https://example.com"></iframe>', /<iframe/i],
  ['<svg><script>alert(1)</script></svg>', /<script/i],
  ['<div style="background:url(javascript:alert(1))">x</div>', /style=/i],
  ['<form action="https://evil"><input name=a></form>', /<form|<input/i],
])('strips active content: %s', (input, banned) => {
  const html = renderCardHtml(input);
  expect(html).not.toMatch(banned);
  // Cached results are the sanitised ones too.
  expect(renderCardHtml(input)).toBe(html);
});

test('keeps the formatting cards need: code, lists, tables, emphasis, images with safe URLs', () => {
  const html = renderCardHtml(
    'Run `docker ps`\n\n- **a**\n- *b*\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n![cat](https://example.com/cat.png)',
  );
  expect(html).toContain('<code>docker ps</code>');
  expect(html).toContain('<strong>a</strong>');
  expect(html).toContain('<table>');
  expect(html).toContain('src="https://example.com/cat.png"');
  expect(renderCardHtml('a `b`', true)).toBe('a <code>b</code>');
});
