// @vitest-environment jsdom
// The one card renderer: Markdown kept, active content removed, nothing from other sites, the same result from its cache.
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

test("keeps the formatting cards need: code, lists, tables, emphasis, images with the app's own URLs", () => {
  const html = renderCardHtml(
    'Run `docker ps`\n\n- **a**\n- *b*\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n![cat](blob:http://localhost/1) ![dot](data:image/png;base64,AAAA)',
  );
  expect(html).toContain('<code>docker ps</code>');
  expect(html).toContain('<strong>a</strong>');
  expect(html).toContain('<table>');
  expect(html).toContain('src="blob:http://localhost/1"');
  expect(html).toContain('src="data:image/png;base64,AAAA"');
  expect(renderCardHtml('a `b`', true)).toBe('a <code>b</code>');
});

/** Every URL the sanitised HTML would make the browser fetch (links are not fetched). */
function fetched(html: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = html;
  return [...box.querySelectorAll('*')].flatMap((el) =>
    ['src', 'srcset', 'background', 'poster', 'data', 'lowsrc']
      .map((a) => el.getAttribute(a))
      .filter((v): v is string => v !== null),
  );
}

describe('issue 9: nothing is fetched from another site', () => {
  test.each([
    ['an <img>', '<img src="https://example.invalid/x.png" alt="x">', 'image', 'example.invalid'],
    ['a Markdown image', '![chart](https://cdn.example.org/chart.png)', 'image', 'cdn.example.org'],
    ['an http: image', '<img src="http://old.example/a.gif">', 'image', 'old.example'],
    ['a protocol-relative image', '<img src="//cdn.example/y.png">', 'image', 'cdn.example'],
    ['backslashes read as slashes', '<img src="\\\\evil.example/y.png">', 'image', 'evil.example'],
    ['a tab inside the scheme', '<img src="ht\ttps://tab.example/y.png">', 'image', 'tab.example'],
    ['an upper-case scheme', '<IMG SRC="HTTPS://UP.EXAMPLE/y.png">', 'image', 'up.example'],
    ['a srcset', '<img srcset="/a.png 1x, https://set.example/b.png 2x">', 'image', 'set.example'],
    ['an <audio src>', '<audio controls src="https://sound.example/a.mp3"></audio>', 'sound', 'sound.example'],
    ['an <audio> <source>', '<audio controls><source src="https://s.example/a.ogg"></audio>', 'sound', 's.example'],
    ['a <video>', '<video src="https://v.example/a.mp4"></video>', 'video', 'v.example'],
  ])('%s becomes a note naming the site', (_what, input, kind, host) => {
    const html = renderCardHtml(input, false, input.startsWith('!') ? 'markdown' : 'html');
    expect(fetched(html)).toEqual([]);
    const box = document.createElement('div');
    box.innerHTML = html;
    const note = box.querySelector('.remote-blocked')!;
    expect(note.getAttribute('data-remote-kind')).toBe(kind);
    expect(note.getAttribute('data-remote-host')).toBe(host);
    expect(note.textContent).toBe(`Remote ${kind} from ${host} — blocked`);
  });

  test('the same in Markdown decks, and in Chinese', () => {
    const html = renderCardHtml('see ![x](https://example.invalid/x.png)', false, 'markdown', { lang: 'zh' });
    expect(html).toBe(
      '<p>see <span class="remote-blocked" data-remote-kind="image" data-remote-host="example.invalid" title="https://example.invalid/x.png">来自 example.invalid 的远程图片 — 已阻止</span></p>\n',
    );
    expect(html).not.toMatch(/Remote image|— blocked/);
  });

  test("backgrounds and <picture> sources from other sites are dropped; the app's own stay", () => {
    const html = renderCardHtml(
      '<table background="https://bg.example/t.png"><tr><td background="//bg.example/c.png">x</td></tr></table>' +
        '<picture><source srcset="https://p.example/a.webp"><img src="blob:http://localhost/2"></picture>',
      false,
      'html',
    );
    expect(fetched(html)).toEqual(['blob:http://localhost/2']);
  });

  test('a note forged in the card text is only text: hosts come from the URLs the sanitiser saw', () => {
    const html = renderCardHtml(
      '<span class="remote-blocked" data-remote-host="x" onclick="alert(1)">hi</span>',
      false,
      'html',
    );
    expect(html).not.toMatch(/onclick/);
  });

  test('links to other sites stay, open in a new tab and send no referrer', () => {
    const html = renderCardHtml('[docs](https://docs.docker.com/) and <a href="#top">top</a>');
    expect(html).toContain('<a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(html).toContain('<a href="#top">top</a>');
  });

  test('a deck whose remote images are allowed shows each in the remote-image frame; sound stays blocked', () => {
    const html = renderCardHtml(
      '<img src="http://example.invalid/x.png"> <audio src="https://example.invalid/a.mp3"></audio>',
      false,
      'html',
      { remote: 'frame' },
    );
    const box = document.createElement('div');
    box.innerHTML = html;
    const frame = box.querySelector('iframe.remote-frame')!;
    expect(frame.getAttribute('src')).toBe(`/remote-image.html#${encodeURIComponent('https://example.invalid/x.png')}`);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame.getAttribute('title')).toBe('Image from example.invalid');
    expect(box.querySelector('.remote-blocked[data-remote-kind="sound"]')).not.toBeNull();
    // The same text, blocked, is cached apart.
    expect(renderCardHtml('<img src="http://example.invalid/x.png">', false, 'html')).toContain('remote-blocked');
  });
});
